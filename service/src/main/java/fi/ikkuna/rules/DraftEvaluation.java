package fi.ikkuna.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import fi.ikkuna.triage.CaseDefinition;
import fi.ikkuna.triage.Contact;
import fi.ikkuna.triage.TriageOutcome;
import fi.ikkuna.triage.TriagePipeline;
import fi.ikkuna.triage.Urgency;

/**
 * Runs a draft and the published rule set over the draft's labelled cases and the professionals' corrections:
 * accuracy, emergency recall, confusion tables and exactly which cases change outcome.
 */
public final class DraftEvaluation {
    private DraftEvaluation() {
    }

    /** What the pipeline decided for one case, reduced to what the cases check. */
    public record Decision(String urgency, String service, String faq) {
        static Decision of(TriageOutcome o) {
            return new Decision(o.urgency().wire(), o.service(), o.faq().isEmpty() ? null : o.faq().get(0).id());
        }
    }

    /** One case: expectations, both decisions, and whether each passes. */
    public record CaseResult(String id, String source, String text, String expectUrgency, String expectService, String expectFaq,
                             Decision draft, Decision published, boolean draftPasses, boolean publishedPasses) {
        public boolean changed() {
            return !draft.equals(published);
        }
    }

    /** The whole report; publishing is refused unless {@code emergencyRecall} is 1.0. */
    public record Report(int cases, double accuracy, double publishedAccuracy, double urgencyAccuracy, double serviceAccuracy,
                         double emergencyRecall, Map<String, Map<String, Integer>> urgencyConfusion,
                         Map<String, Map<String, Integer>> serviceConfusion, List<CaseResult> changed, List<CaseResult> failing,
                         List<CaseResult> corrections) {
    }

    public static Report run(CompiledRules draft, TriagePipeline published, List<Corrections.Correction> corrections) {
        List<CaseResult> results = new ArrayList<>();
        for (CaseDefinition c : draft.pipeline().cases()) {
            results.add(result(c.id(), c.source(), c.contact(), c.expectUrgency() == null ? null : c.expectUrgency().wire(),
                    c.expectService(), c.expectFaq(), draft.pipeline(), published));
        }
        List<CaseResult> corrected = corrections.stream().map(k -> result("correction-" + k.eventId(), k.fromQueue() + " -> "
                + k.toQueue() + ": " + k.reason(), k.contact(), k.expectUrgency(), k.expectService(), null, draft.pipeline(), published))
                .toList();
        Map<String, Map<String, Integer>> urgency = new TreeMap<>();
        Map<String, Map<String, Integer>> service = new TreeMap<>();
        int urgencyChecked = 0, urgencyRight = 0, serviceChecked = 0, serviceRight = 0;
        for (CaseResult r : results) {
            if (r.expectUrgency() != null) {
                urgencyChecked++;
                urgencyRight += r.expectUrgency().equals(r.draft().urgency()) ? 1 : 0;
                urgency.computeIfAbsent(r.expectUrgency(), k -> new TreeMap<>()).merge(r.draft().urgency(), 1, Integer::sum);
            }
            if (r.expectService() != null) {
                serviceChecked++;
                serviceRight += r.expectService().equals(r.draft().service()) ? 1 : 0;
                service.computeIfAbsent(r.expectService(), k -> new TreeMap<>()).merge(r.draft().service(), 1, Integer::sum);
            }
        }
        return new Report(results.size(), ratio(results.stream().filter(CaseResult::draftPasses).count(), results.size()),
                ratio(results.stream().filter(CaseResult::publishedPasses).count(), results.size()),
                ratio(urgencyRight, urgencyChecked), ratio(serviceRight, serviceChecked), emergencyRecall(draft),
                urgency, service, results.stream().filter(CaseResult::changed).toList(),
                results.stream().filter(r -> !r.draftPasses()).toList(), corrected);
    }

    /**
     * Share of the draft's labelled emergencies the draft's rules alone still call emergencies: the publish gate.
     * Without the second opinion, which learnt these very cases (see {@link fi.ikkuna.triage.RuleTriagePipeline#triageByRules}).
     */
    public static double emergencyRecall(CompiledRules draft) {
        return emergencyRecall(draft, List.of());
    }

    /** As {@link #emergencyRecall(CompiledRules)} over the draft's emergencies and {@code protectedCases} together. */
    public static double emergencyRecall(CompiledRules draft, List<CaseDefinition> protectedCases) {
        List<CaseDefinition> emergencies = new ArrayList<>(draft.pipeline().cases().stream()
                .filter(c -> c.expectUrgency() == Urgency.EMERGENCY).toList());
        emergencies.addAll(protectedCases);
        long caught = emergencies.stream().filter(c -> draft.pipeline().triageByRules(c.contact()).emergency()).count();
        return emergencies.isEmpty() ? 1.0 : ratio(caught, emergencies.size());
    }

    private static CaseResult result(String id, String source, Contact contact, String urgency, String service, String faq,
                                     TriagePipeline draft, TriagePipeline published) {
        Decision d = Decision.of(draft.triage(contact));
        Decision p = Decision.of(published.triage(contact));
        return new CaseResult(id, source, contact.text(), urgency, service, faq, d, p, passes(d, urgency, service, faq),
                passes(p, urgency, service, faq));
    }

    private static boolean passes(Decision d, String urgency, String service, String faq) {
        return (urgency == null || urgency.equals(d.urgency())) && (service == null || service.equals(d.service()))
                && (faq == null || Objects.equals(faq, d.faq()));
    }

    private static double ratio(long part, long whole) {
        return whole == 0 ? 1.0 : (double) part / whole;
    }
}
