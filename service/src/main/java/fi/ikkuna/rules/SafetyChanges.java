package fi.ikkuna.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import fi.ikkuna.triage.CaseDefinition;
import fi.ikkuna.triage.Urgency;
import fi.ikkuna.triage.rules.Rule;

/**
 * What a draft takes away from the safety net compared with the published version (issue 13.5): safety rules it
 * removes or changes in any way that matters to matching (queries, conditions, urgency, service, queue,
 * instructions, priority; a changed description or a moved line does not count), and labelled emergencies it
 * removes or relabels. Any of these needs a second rules editor's approval. Adding rules or cases never does.
 */
public record SafetyChanges(List<String> changedSafetyRules, List<String> removedEmergencies) {

    public static SafetyChanges between(CompiledRules published, CompiledRules draft) {
        Map<String, String> before = safetySignatures(published);
        Map<String, String> after = safetySignatures(draft);
        List<String> rules = new ArrayList<>();
        before.forEach((id, signature) -> {
            if (!signature.equals(after.get(id))) {
                rules.add(after.containsKey(id) ? id + " (changed)" : id + " (removed)");
            }
        });
        Set<String> draftEmergencies = emergencyTexts(draft).keySet();
        List<String> removed = emergencyTexts(published).entrySet().stream()
                .filter(e -> !draftEmergencies.contains(e.getKey())).map(Map.Entry::getValue).toList();
        return new SafetyChanges(List.copyOf(rules), removed);
    }

    /** For the refusal's message: "safety rules chest-pain (removed); labelled emergencies em-fi-001". */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (!changedSafetyRules.isEmpty()) {
            parts.add("safety rules " + String.join(", ", changedSafetyRules));
        }
        if (!removedEmergencies.isEmpty()) {
            parts.add("labelled emergencies " + String.join(", ", removedEmergencies));
        }
        return String.join("; ", parts);
    }

    public boolean needsSecondApprover() {
        return !changedSafetyRules.isEmpty() || !removedEmergencies.isEmpty();
    }

    /** The published version's labelled emergencies the draft keeps or did not touch: they stay in the gate. */
    static List<CaseDefinition> protectedEmergencies(CompiledRules published, SafetyChanges approvedChanges) {
        Set<String> released = Set.copyOf(approvedChanges.removedEmergencies());
        return published.pipeline().cases().stream().filter(c -> c.expectUrgency() == Urgency.EMERGENCY)
                .filter(c -> !released.contains(c.id())).toList();
    }

    private static Map<String, String> safetySignatures(CompiledRules rules) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Rule r : rules.pipeline().ruleSet().matcher().rules()) {
            if (r.safety()) {
                Map<String, String> queries = new TreeMap<>();
                r.queries().forEach((lang, q) -> queries.put(lang, q.toString()));
                out.put(r.id(), String.join("|", queries.toString(), String.valueOf(new TreeMap<>(r.instruction())),
                        String.valueOf(r.channels().stream().map(Enum::name).sorted().toList()), String.valueOf(r.ageMin()),
                        String.valueOf(r.ageMax()), String.valueOf(r.formTypes().stream().sorted().toList()),
                        String.valueOf(r.urgency()), String.valueOf(r.service()), String.valueOf(r.queue()),
                        String.valueOf(r.priority())));
            }
        }
        return out;
    }

    /** language + text of each labelled emergency → its case id; a text edit counts as removing the old case. */
    private static Map<String, String> emergencyTexts(CompiledRules rules) {
        return rules.pipeline().cases().stream().filter(c -> c.expectUrgency() == Urgency.EMERGENCY)
                .collect(Collectors.toMap(c -> c.contact().language() + ":" + c.contact().text(), CaseDefinition::id, (a, b) -> a,
                        LinkedHashMap::new));
    }
}
