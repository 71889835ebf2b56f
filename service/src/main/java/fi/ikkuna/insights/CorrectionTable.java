package fi.ikkuna.insights;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Triage corrections: every transfer (which always carries a reason) counts once for each rule that fired in
 * the conversation's stored triage, so a rule that keeps sending contacts to the wrong queue stands out. Counts only:
 * the reason after "from -> to: " is free text that may name the resident, and managers read this without an
 * access-log row (docs/audit.md A5).
 */
final class CorrectionTable {
    private CorrectionTable() {
    }

    /** {@code queue} (nullable) keeps transfers from or to that queue. */
    static Table of(List<Contact> contacts, String queue) {
        Map<List<String>, Long> counts = new TreeMap<>(InsightsQuery.KEY_ORDER);
        for (Contact c : contacts) {
            Set<String> rules = c.firedRules();
            if (rules.isEmpty()) {
                rules = Set.of(Contact.NONE);
            }
            for (Contact.Event e : c.events()) {
                String[] fromTo = e.transfer();
                if (fromTo[0] == null || queue != null && !queue.equals(fromTo[0]) && !queue.equals(fromTo[1])) {
                    continue;
                }
                for (String rule : rules) {
                    counts.merge(List.of(rule, fromTo[0], fromTo[1]), 1L, Long::sum);
                    counts.merge(List.of(rule, "\uffff"), 1L, Long::sum);
                }
            }
        }
        // The per-rule total sorts after that rule's own rows ("\uffff" is the last string) and is written as "all".
        Table.Builder t = new Table.Builder("corrections", "rule", "from_queue", "to_queue", "transfers");
        counts.forEach((k, n) -> {
            if (k.size() == 2) {
                t.add(k.get(0), "all", "all", n);
            } else {
                t.add(k.get(0), k.get(1), k.get(2), n);
            }
        });
        return t.build();
    }
}
