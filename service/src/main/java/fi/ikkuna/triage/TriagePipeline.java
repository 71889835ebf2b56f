package fi.ikkuna.triage;

/**
 * The single seam every contact passes, whatever its channel: safety screen, FAQ, routing, deadline.
 * Conversations, appointment requests and forms all call {@link #triage} the same way.
 */
public interface TriagePipeline {

    TriageOutcome triage(Contact contact);

    /**
     * The safety screen alone, for a message in a conversation that is already queued or taken: only a red flag
     * changes anything there (it escalates to emergency), so FAQ search and routing would be wasted work. Runs
     * every rule that can make a contact an emergency; never less cautious than {@link #triage}.
     * Defaults to the whole pipeline.
     */
    default TriageOutcome screen(Contact contact) {
        return triage(contact);
    }

    /** True once a rule set is loaded and the pipeline can answer. */
    boolean ready();

    /**
     * The care-guarantee deadline for a contact of this urgency and service at {@code at}, as routing would attach it;
     * used when a professional corrects a contact's urgency. Empty when no deadline applies.
     */
    default java.util.Optional<java.time.Instant> deadline(Urgency urgency, String service, java.time.ZonedDateTime at) {
        return java.util.Optional.empty();
    }

    default boolean analysisDegraded() {
        return false;
    }
}
