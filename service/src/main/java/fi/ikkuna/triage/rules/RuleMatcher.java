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
import java.util.LinkedHashSet;
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
    /** language → rules that must always run (wildcards, or no query at all). */
    private final Map<String, List<Rule>> alwaysRun = new HashMap<>();

    public RuleMatcher(List<Rule> rules, Map<String, Analyzer> indexAnalyzers) {
        this.rules = List.copyOf(rules);
        this.indexAnalyzers = indexAnalyzers;
        for (String lang : indexAnalyzers.keySet()) {
            Map<BytesRef, List<Rule>> terms = new HashMap<>();
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
                Set<BytesRef> positive = positiveTerms(q);
                if (positive == null) {
                    always.add(r);
                } else {
                    positive.forEach(t -> terms.computeIfAbsent(t, k -> new ArrayList<>()).add(r));
                }
            }
            byTerm.put(lang, terms);
            alwaysRun.put(lang, always);
        }
    }

    /** Rules whose structured conditions hold and whose query (if any) matches, in rule-file order. */
    public List<Rule> match(Contact contact) {
        String lang = contact.language();
        MemoryIndex index = new MemoryIndex();
        index.addField(RuleParser.FIELD, contact.text(), indexAnalyzers.get(lang));
        Set<Rule> candidates = new LinkedHashSet<>(alwaysRun.getOrDefault(lang, List.of()));
        Map<BytesRef, List<Rule>> terms = byTerm.getOrDefault(lang, Map.of());
        forEachTerm(index, t -> candidates.addAll(terms.getOrDefault(t, List.of())));
        List<Rule> out = new ArrayList<>();
        for (Rule r : rules) {
            if (!candidates.contains(r) || !r.conditionsHold(contact)) {
                continue;
            }
            if (r.textFree() || index.search(r.queries().get(lang)) > 0f) {
                out.add(r);
            }
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

    /** Terms from non-negated clauses, or null when the query has wildcards or no positive term at all. */
    static Set<BytesRef> positiveTerms(Query q) {
        Set<BytesRef> out = new HashSet<>();
        boolean[] opaque = {false};
        q.visit(new QueryVisitor() {
            @Override
            public void consumeTerms(Query query, Term... terms) {
                for (Term t : terms) {
                    out.add(t.bytes());
                }
            }

            @Override
            public void consumeTermsMatching(Query query, String field, Supplier<ByteRunAutomaton> automaton) {
                opaque[0] = true;
            }

            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return occur == BooleanClause.Occur.MUST_NOT ? EMPTY_VISITOR : this;
            }
        });
        return opaque[0] || out.isEmpty() ? null : out;
    }

    public List<Rule> rules() {
        return rules;
    }
}
