package fi.ikkuna.triage;

import java.time.Instant;
import java.util.List;

/**
 * What the pipeline decided for one contact and why.
 *
 * @param urgency     decided urgency
 * @param service     service area (health, dental, ... general)
 * @param queue       queue the contact waits in if it reaches a person
 * @param deadline    care-guarantee deadline, null when none applies
 * @param answered    true when a confident FAQ answer was given at once
 * @param safety      safety rules that fired, each with the instruction shown to the resident
 * @param faq         FAQ matches, best first
 * @param explanation human-readable reasons, in order (English trace lines for people, not for parsing)
 * @param fired       the rules that fired and the second opinion when it spoke, by id, in precedence order: what
 *                    insights and retention read (deadline rules are not in it: they route nothing)
 */
public record TriageOutcome(Urgency urgency, String service, String queue, Instant deadline, boolean answered,
                            List<SafetyHit> safety, List<FaqHit> faq, List<String> explanation, List<FiredRule> fired) {

    public boolean emergency() {
        return urgency == Urgency.EMERGENCY;
    }

    /** A safety rule that fired. */
    public record SafetyHit(String rule, String instruction) {
    }

    /** An FAQ entry that matched, with its answer. */
    public record FaqHit(String id, double score, String question, String answer) {
    }
}
