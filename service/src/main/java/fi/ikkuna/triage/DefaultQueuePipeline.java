package fi.ikkuna.triage;

import java.util.List;

/**
 * Foundation stand-in used until the rule-based pipeline is wired: every contact goes to one configured
 * queue as non-urgent, with no safety screen and no FAQ. Documented in docs/triage.md.
 */
public final class DefaultQueuePipeline implements TriagePipeline {
    private final String queue;

    public DefaultQueuePipeline(String queue) {
        this.queue = queue;
    }

    @Override
    public TriageOutcome triage(Contact contact) {
        return new TriageOutcome(Urgency.NON_URGENT, "general", queue, null, false, List.of(), List.of(),
                List.of("default queue: rule-based triage not configured"));
    }

    @Override
    public boolean ready() {
        return true;
    }
}
