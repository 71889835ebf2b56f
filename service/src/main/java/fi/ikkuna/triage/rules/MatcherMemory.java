package fi.ikkuna.triage.rules;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.index.Term;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

/**
 * Approximate heap a compiled rule set's matcher holds: its wildcard/prefix automata (Lucene's own
 * {@code ramBytesUsed}, each counted once however many clauses share it) and its terms. The workbench keeps
 * compiled drafts in a cache bounded by this, because one draft of leading-wildcard clauses can pin gigabytes
 * where another of the same file count pins a few megabytes.
 */
final class MatcherMemory {
    private static final long PER_TERM = 48;
    private final Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    private long bytes;

    static long of(Map<String, List<Map.Entry<ByteRunAutomaton, Integer>>> patterns, Map<String, TermMatch[]> compiled,
                   Map<String, Map<BytesRef, int[]>> byTerm) {
        MatcherMemory m = new MatcherMemory();
        patterns.values().forEach(l -> l.forEach(e -> m.automaton(e.getKey())));
        compiled.values().forEach(arr -> {
            for (TermMatch t : arr) {
                if (t != null) {
                    m.match(t);
                }
            }
        });
        byTerm.values().forEach(terms -> terms.forEach((t, rules) -> m.bytes += PER_TERM + t.length + 4L * rules.length));
        return m.bytes;
    }

    private void match(TermMatch t) {
        switch (t) {
            case TermMatch.AnyTerm a -> {
                a.terms().forEach(term -> bytes += PER_TERM + term.length);
                a.automata().forEach(this::automaton);
            }
            case TermMatch.Bool b -> {
                b.required().forEach(this::match);
                b.prohibited().forEach(this::match);
                b.optional().forEach(this::match);
            }
            case TermMatch.Positional p -> {
                for (List<Term> alternatives : p.positions()) {
                    alternatives.forEach(term -> bytes += PER_TERM + term.bytes().length);
                }
            }
        }
    }

    private void automaton(ByteRunAutomaton a) {
        if (seen.add(a)) {
            bytes += a.ramBytesUsed();
        }
    }
}
