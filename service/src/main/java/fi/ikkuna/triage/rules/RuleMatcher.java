package fi.ikkuna.triage.rules;

import fi.ikkuna.triage.Contact;
import fi.ikkuna.triage.analysis.Negation;
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
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Matches all rules against one contact: the contact text goes into a one-document MemoryIndex and each
 * candidate rule is checked against it. Like lucene-monitor's presearcher, rules are first filtered by their
 * required-for-a-match terms, so only rules sharing a term with the contact are checked; a candidate's query
 * is evaluated as a {@link TermMatch} (set lookups, Lucene only for phrases). (lucene-monitor itself exists
 * here only at 10.3.0, older than core 10.6.0, and runs every candidate through an IndexSearcher.)
 */
public final class RuleMatcher {
    private static final int[] NONE = new int[0];
    private final List<Rule> rules;
    private final Map<String, Analyzer> indexAnalyzers;
    private final Map<String, Negation> negations;
    /** language → term → ordinals of rules containing that term in a positive clause. */
    private final Map<String, Map<BytesRef, int[]>> byTerm = new HashMap<>();
    /** language → ordinals of rules that must always be checked (no query, or no positive clause to filter on). */
    private final Map<String, int[]> alwaysRun = new HashMap<>();
    /** language → wildcard/prefix automata of positive clauses, with their rule ordinal. */
    private final Map<String, List<Map.Entry<ByteRunAutomaton, Integer>>> byPattern = new HashMap<>();
    /** language → compiled query by rule ordinal (null where the rule has no query in that language). */
    private final Map<String, TermMatch[]> compiled = new HashMap<>();
    /** language → whether any rule (any rule that can make an emergency) can fire for it at all. */
    private final Map<String, Boolean> anyRule = new HashMap<>();
    private final Map<String, Boolean> anyEmergency = new HashMap<>();

    /** {@code negations}: per language, what blanks denied findings ("ei rintakipua") before any rule reads the text. */
    public RuleMatcher(List<Rule> rules, Map<String, Analyzer> indexAnalyzers, Map<String, Negation> negations) {
        this.rules = List.copyOf(rules);
        this.indexAnalyzers = indexAnalyzers;
        this.negations = negations;
        for (String lang : indexAnalyzers.keySet()) {
            Map<BytesRef, List<Integer>> terms = new HashMap<>();
            List<Map.Entry<ByteRunAutomaton, Integer>> patterns = new ArrayList<>();
            List<Integer> always = new ArrayList<>();
            TermMatch[] byRule = new TermMatch[rules.size()];
            for (int i = 0; i < rules.size(); i++) {
                Rule r = rules.get(i);
                if (r.textFree()) {
                    always.add(i);
                    continue;
                }
                Query q = r.queries().get(lang);
                if (q == null) {
                    continue;
                }
                byRule[i] = TermMatch.compile(q);
                Positive positive = positive(q);
                if (positive.terms.isEmpty() && positive.patterns.isEmpty()) {
                    always.add(i);
                } else {
                    int rule = i;
                    positive.terms.forEach(t -> terms.computeIfAbsent(t, k -> new ArrayList<>()).add(rule));
                    positive.patterns.forEach(a -> patterns.add(Map.entry(a, rule)));
                }
            }
            Map<BytesRef, int[]> frozen = new HashMap<>();
            terms.forEach((t, list) -> frozen.put(t, list.stream().mapToInt(Integer::intValue).distinct().toArray()));
            byTerm.put(lang, frozen);
            byPattern.put(lang, List.copyOf(patterns));
            alwaysRun.put(lang, always.stream().mapToInt(Integer::intValue).toArray());
            compiled.put(lang, byRule);
            anyRule.put(lang, rules.stream().anyMatch(r -> canFire(r, lang)));
            anyEmergency.put(lang, rules.stream().anyMatch(r -> canBeEmergency(r) && canFire(r, lang)));
        }
    }

    /** Rules whose structured conditions hold and whose query (if any) matches, in rule-file order. */
    public List<Rule> match(Contact contact) {
        return match(contact, false);
    }

    /**
     * As {@link #match(Contact)}; with {@code emergencyOnly}, only the rules that can make a contact an emergency
     * (safety rules, and routing rules that set urgency emergency).
     */
    public List<Rule> match(Contact contact, boolean emergencyOnly) {
        String lang = contact.language();
        if (!(emergencyOnly ? anyEmergency : anyRule).getOrDefault(lang, false)) {
            return List.of(); // nothing could match: the text need not even be analysed
        }
        Negation negation = negations.get(lang);
        // Safety reads the text without denied findings and without not-now clauses (questions about signs, the
        // distant past); routing reads it with only the denials blanked: a past chest pain still makes it a health matter.
        Negation.Masked masked = negation == null ? new Negation.Masked(contact.text(), contact.text()) : negation.masks(contact.text());
        String denied = masked.denied();
        String notNow = masked.notNow();
        ContactIndex safetyTerms = index(notNow, lang);
        ContactIndex routingTerms = notNow.equals(denied) ? safetyTerms : index(denied, lang);
        BitSet candidates = new BitSet(rules.size());
        for (int i : alwaysRun.getOrDefault(lang, NONE)) {
            candidates.set(i);
        }
        collectCandidates(lang, routingTerms, candidates);
        if (routingTerms != safetyTerms) {
            collectCandidates(lang, safetyTerms, candidates);
        }
        TermMatch[] queries = compiled.get(lang);
        List<Rule> out = new ArrayList<>();
        for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
            Rule r = rules.get(i);
            ContactIndex terms = canBeEmergency(r) ? safetyTerms : routingTerms;
            if ((!emergencyOnly || canBeEmergency(r)) && r.conditionsHold(contact) && (r.textFree() || queries[i].matches(terms))) {
                out.add(r);
            }
        }
        return out;
    }

    private ContactIndex index(String text, String lang) {
        MemoryIndex index = new MemoryIndex();
        index.addField(RuleParser.FIELD, text, indexAnalyzers.get(lang));
        return new ContactIndex(index);
    }

    private void collectCandidates(String lang, ContactIndex terms, BitSet candidates) {
        Map<BytesRef, int[]> byWord = byTerm.getOrDefault(lang, Map.of());
        List<Map.Entry<ByteRunAutomaton, Integer>> patterns = byPattern.getOrDefault(lang, List.of());
        for (BytesRef t : terms.terms) {
            for (int i : byWord.getOrDefault(t, NONE)) {
                candidates.set(i);
            }
            for (Map.Entry<ByteRunAutomaton, Integer> p : patterns) {
                if (!candidates.get(p.getValue()) && p.getKey().run(t.bytes, t.offset, t.length)) {
                    candidates.set(p.getValue());
                }
            }
        }
    }

    /** A rule with no query fires in every language; one with queries only in the languages it has one for. */
    private static boolean canFire(Rule r, String lang) {
        return r.textFree() || r.queries().containsKey(lang);
    }

    private static boolean canBeEmergency(Rule r) {
        return r.safety() || r.urgency() == fi.ikkuna.triage.Urgency.EMERGENCY;
    }

    /** One contact's terms, and a searcher over its one-document index for the queries Lucene must run. */
    static final class ContactIndex implements TermMatch.ContactTerms {
        private final IndexSearcher searcher;
        private final Set<BytesRef> terms = new HashSet<>();

        ContactIndex(MemoryIndex index) {
            searcher = index.createSearcher();
            searcher.setQueryCache(null);
            forEachTerm(searcher, terms::add);
        }

        @Override
        public boolean contains(BytesRef term) {
            return terms.contains(term);
        }

        @Override
        public boolean anyAccepted(ByteRunAutomaton automaton) {
            for (BytesRef t : terms) {
                if (automaton.run(t.bytes, t.offset, t.length)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public boolean luceneMatches(Query query) {
            try {
                return searcher.count(query) > 0;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The analysed terms of a text, for tests and explanations. */
    public static List<String> terms(Analyzer analyzer, String text) {
        MemoryIndex index = new MemoryIndex();
        index.addField(RuleParser.FIELD, text, analyzer);
        List<String> out = new ArrayList<>();
        forEachTerm(index.createSearcher(), t -> out.add(t.utf8ToString()));
        return out;
    }

    private static void forEachTerm(IndexSearcher searcher, java.util.function.Consumer<BytesRef> action) {
        try {
            LeafReader reader = searcher.getIndexReader().leaves().getFirst().reader();
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

    /** Approximate heap held by this matcher's automata and terms ({@link MatcherMemory}). */
    public long ramBytesUsed() {
        return MatcherMemory.of(byPattern, compiled, byTerm);
    }
}
