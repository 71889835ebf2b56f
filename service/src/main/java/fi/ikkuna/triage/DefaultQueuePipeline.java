package fi.ikkuna.triage;

import java.util.List;

/**
 * Foundation stand-in used until the rule-based pipeline is wired: every contact goes to one configured
 * queue as non-urgent, with no safety screen and no FAQ. Documented in docs/triage.md.
 */
public final class DefaultQueuePipeline implements TriagePipeline {
    private final String queue;
    private final boolean ready;

    public DefaultQueuePipeline(String queue) {
        this(queue, true);
    }

    /** With {@code ready == false} it stands in for a rule set that failed to load, keeping health DOWN. */
    public DefaultQueuePipeline(String queue, boolean ready) {
        this.queue = queue;
        this.ready = ready;
    }

    @Override
    public TriageOutcome triage(Contact contact) {
        return new TriageOutcome(Urgency.NON_URGENT, "general", queue, null, false, List.of(), List.of(),
                List.of("default queue: rule-based triage not configured"), List.of());
    }

    @Override
    public boolean ready() {
        return ready;
    }
}
