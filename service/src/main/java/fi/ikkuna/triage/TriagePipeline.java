package fi.ikkuna.triage;

/**
 * The single seam every contact passes, whatever its channel: safety screen, FAQ, routing, deadline.
 * Conversations, appointment requests and forms all call {@link #triage} the same way.
 */
public interface TriagePipeline {

    TriageOutcome triage(Contact contact);

    /** True once a rule set is loaded and the pipeline can answer. */
    boolean ready();
}
