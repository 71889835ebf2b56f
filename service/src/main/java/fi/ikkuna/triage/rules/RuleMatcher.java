package fi.ikkuna.triage.rules;

import fi.ikkuna.triage.Contact;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Matches all rules against one contact: the contact text goes into a one-document MemoryIndex and each
 * candidate rule query runs on it. Like lucene-monitor's presearcher, rules are first filtered by their
 * required-for-a-match terms, so only rules sharing a term with the contact are run. (lucene-monitor itself
 * exists here only at 10.3.0, older than core 10.6.0; this keeps one Lucene version and about 100 lines.)
 */
public final class RuleMatcher {
    private final List<Rule> rules;
    private final Map<String, Analyzer> indexAnalyzers;
    /** language → term → rules containing that term in a positive clause. */
    private final Map<String, Map<BytesRef, List<Rule>>> byTerm = new HashMap<>();
    /** language → rules that must always run (no query, or no positive clause to filter on). */
    private final Map<String, List<Rule>> alwaysRun = new HashMap<>();
    /** language → wildcard/prefix automata of positive clauses, with their rule. */
    private final Map<String, List<Map.Entry<ByteRunAutomaton, Rule>>> byPattern = new HashMap<>();

    public RuleMatcher(List<Rule> rules, Map<String, Analyzer> indexAnalyzers) {
        this.rules = List.copyOf(rules);
        this.indexAnalyzers = indexAnalyzers;
        for (String lang : indexAnalyzers.keySet()) {
            Map<BytesRef, List<Rule>> terms = new HashMap<>();
            List<Map.Entry<ByteRunAutomaton, Rule>> patterns = new ArrayList<>();
            List<Rule> always = new ArrayList<>();
            for (Rule r : rules) {
                if (r.textFree()) {
                    always.add(r);
                    continue;
                }
                Query q = r.queries().get(lang);
                if (q == null) {
                    continue;
                }
                Positive positive = positive(q);
                if (positive.terms.isEmpty() && positive.patterns.isEmpty()) {
                    always.add(r);
                } else {
                    positive.terms.forEach(t -> terms.computeIfAbsent(t, k -> new ArrayList<>()).add(r));
                    positive.patterns.forEach(a -> patterns.add(Map.entry(a, r)));
                }
            }
            byTerm.put(lang, terms);
            byPattern.put(lang, patterns);
            alwaysRun.put(lang, always);
        }
    }

    /** Rules whose structured conditions hold and whose query (if any) matches, in rule-file order. */
    public List<Rule> match(Contact contact) {
        String lang = contact.language();
        MemoryIndex index = new MemoryIndex();
        index.addField(RuleParser.FIELD, contact.text(), indexAnalyzers.get(lang));
        // identity set: a Rule record's own hashCode walks its compiled queries (automata), far too slow per contact
        Set<Rule> candidates = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        candidates.addAll(alwaysRun.getOrDefault(lang, List.of()));
        Map<BytesRef, List<Rule>> terms = byTerm.getOrDefault(lang, Map.of());
        List<Map.Entry<ByteRunAutomaton, Rule>> patterns = byPattern.getOrDefault(lang, List.of());
        forEachTerm(index, t -> {
            candidates.addAll(terms.getOrDefault(t, List.of()));
            for (Map.Entry<ByteRunAutomaton, Rule> p : patterns) {
                if (p.getKey().run(t.bytes, t.offset, t.length)) {
                    candidates.add(p.getValue());
                }
            }
        });
        // one searcher for all rules; count() skips scoring, which MemoryIndex.search would do per call
        IndexSearcher searcher = index.createSearcher();
        searcher.setQueryCache(null);
        List<Rule> out = new ArrayList<>();
        try {
            for (Rule r : rules) {
                if (!candidates.contains(r) || !r.conditionsHold(contact)) {
                    continue;
                }
                if (r.textFree() || searcher.count(r.queries().get(lang)) > 0) {
                    out.add(r);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The analysed terms of a text, for tests and explanations. */
    public static List<String> terms(Analyzer analyzer, String text) {
        MemoryIndex index = new MemoryIndex();
        index.addField(RuleParser.FIELD, text, analyzer);
        List<String> out = new ArrayList<>();
        forEachTerm(index, t -> out.add(t.utf8ToString()));
        return out;
    }

    private static void forEachTerm(MemoryIndex index, java.util.function.Consumer<BytesRef> action) {
        try {
            LeafReader reader = (LeafReader) index.createSearcher().getIndexReader().leaves().getFirst().reader();
            Terms terms = reader.terms(RuleParser.FIELD);
            if (terms == null) {
                return;
            }
            TermsEnum te = terms.iterator();
            for (BytesRef t = te.next(); t != null; t = te.next()) {
                action.accept(BytesRef.deepCopyOf(t));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Exact terms and wildcard automata of the non-negated clauses: a match needs at least one of them. */
    record Positive(Set<BytesRef> terms, List<ByteRunAutomaton> patterns) {
    }

    static Positive positive(Query q) {
        Positive out = new Positive(new HashSet<>(), new ArrayList<>());
        q.visit(new QueryVisitor() {
            @Override
            public void consumeTerms(Query query, Term... terms) {
                for (Term t : terms) {
                    out.terms().add(t.bytes());
                }
            }

            @Override
            public void consumeTermsMatching(Query query, String field, Supplier<ByteRunAutomaton> automaton) {
                out.patterns().add(automaton.get());
            }

            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return occur == BooleanClause.Occur.MUST_NOT ? EMPTY_VISITOR : this;
            }
        });
        return out;
    }

    public List<Rule> rules() {
        return rules;
    }
}
