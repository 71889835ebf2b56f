package fi.ikkuna.triage.rules;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * A rule query compiled for a one-document index: on a single document a query's boolean structure and its
 * term and wildcard leaves reduce to set lookups over the contact's terms, which is what running the query
 * through {@code IndexSearcher.count} computes after rewriting it, creating weights and scorers for every
 * rule (most of matching's cost). Positional leaves (phrases) are checked here for their terms only and then
 * run by Lucene on the contact's MemoryIndex; query types not known here always go to Lucene, so the result
 * is Lucene's. {@code TermMatchTest} holds the equivalence on every rule and case text and random texts.
 */
sealed interface TermMatch {
    boolean matches(ContactTerms contact);

    static TermMatch compile(Query q) {
        return switch (q) {
            case BoostQuery b -> compile(b.getQuery());
            case ConstantScoreQuery c -> compile(c.getQuery());
            case BooleanQuery b -> Bool.of(b);
            case TermQuery t -> AnyTerm.of(List.of(t.getTerm()), List.of());
            case SynonymQuery s -> AnyTerm.of(s.getTerms(), List.of());
            case MultiTermQuery m -> anyTerm(m);
            case PhraseQuery p -> new Positional(p, Arrays.stream(p.getTerms()).map(List::of).toList());
            case MultiPhraseQuery p -> new Positional(p, Arrays.stream(p.getTermArrays()).map(List::of).toList());
            default -> new Positional(q, List.of());
        };
    }

    /** Wildcard, prefix, regexp, fuzzy and range queries: any contact term their automaton accepts. */
    private static TermMatch anyTerm(MultiTermQuery m) {
        List<Term> terms = new ArrayList<>();
        List<ByteRunAutomaton> automata = new ArrayList<>();
        m.visit(new QueryVisitor() {
            @Override
            public void consumeTerms(Query query, Term... ts) {
                terms.addAll(List.of(ts));
            }

            @Override
            public void consumeTermsMatching(Query query, String field, Supplier<ByteRunAutomaton> automaton) {
                if (field.equals(RuleParser.FIELD)) {
                    automata.add(automaton.get());
                }
            }
        });
        return AnyTerm.of(terms, automata);
    }

    record AnyTerm(List<BytesRef> terms, List<ByteRunAutomaton> automata) implements TermMatch {
        /** Terms of other fields can never match: the contact index has only the rule field. */
        static AnyTerm of(List<Term> terms, List<ByteRunAutomaton> automata) {
            return new AnyTerm(terms.stream().filter(t -> t.field().equals(RuleParser.FIELD)).map(Term::bytes).toList(),
                    List.copyOf(automata));
        }

        @Override
        public boolean matches(ContactTerms contact) {
            for (BytesRef t : terms) {
                if (contact.contains(t)) {
                    return true;
                }
            }
            for (ByteRunAutomaton a : automata) {
                if (contact.anyAccepted(a)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Lucene's boolean semantics: every required clause, no prohibited one, and enough optional ones. */
    record Bool(List<TermMatch> required, List<TermMatch> prohibited, List<TermMatch> optional, int minShould)
            implements TermMatch {
        static Bool of(BooleanQuery b) {
            List<TermMatch> req = new ArrayList<>();
            List<TermMatch> not = new ArrayList<>();
            List<TermMatch> opt = new ArrayList<>();
            for (BooleanClause c : b.clauses()) {
                (c.isRequired() ? req : c.isProhibited() ? not : opt).add(compile(c.query()));
            }
            // with no required clause, at least one optional clause must match (a pure negation matches nothing)
            int min = req.isEmpty() ? Math.max(1, b.getMinimumNumberShouldMatch()) : b.getMinimumNumberShouldMatch();
            return new Bool(List.copyOf(req), List.copyOf(not), List.copyOf(opt), min);
        }

        @Override
        public boolean matches(ContactTerms contact) {
            for (TermMatch m : required) {
                if (!m.matches(contact)) {
                    return false;
                }
            }
            for (TermMatch m : prohibited) {
                if (m.matches(contact)) {
                    return false;
                }
            }
            int matched = 0;
            for (int i = 0; i < optional.size() && matched < minShould; i++) {
                if (optional.get(i).matches(contact)) {
                    matched++;
                }
            }
            return matched >= minShould;
        }
    }

    /**
     * A query Lucene must run (positions, or a type not compiled here); {@code positions} lists, per position,
     * the alternative terms of which one must be present, so most contacts are rejected without a search.
     */
    record Positional(Query query, List<List<Term>> positions) implements TermMatch {
        @Override
        public boolean matches(ContactTerms contact) {
            for (List<Term> alternatives : positions) {
                if (alternatives.stream().noneMatch(t -> t.field().equals(RuleParser.FIELD) && contact.contains(t.bytes()))) {
                    return false;
                }
            }
            return contact.luceneMatches(query);
        }
    }

    /** The contact's analysed terms, and its one-document index for positional queries. */
    interface ContactTerms {
        boolean contains(BytesRef term);

        boolean anyAccepted(ByteRunAutomaton automaton);

        boolean luceneMatches(Query query);
    }
}
