package fi.ikkuna.rules;

import java.util.concurrent.atomic.AtomicReference;

import fi.ikkuna.console.ConsoleContent;
import fi.ikkuna.triage.Contact;
import fi.ikkuna.triage.TriageOutcome;
import fi.ikkuna.triage.TriagePipeline;

/**
 * The pipeline every channel calls: it forwards to the active published version, which a publish, a
 * rollback or a directory reload swaps in atomically without a restart.
 */
public final class ActiveRules implements TriagePipeline {
    private final AtomicReference<Active> current = new AtomicReference<>();
    private final TriagePipeline fallback;

    /** {@code fallback} serves while no rule set could be loaded (health is DOWN then): contacts still reach a person. */
    public ActiveRules(TriagePipeline fallback) {
        this.fallback = fallback;
    }

    /** The active version and what was compiled from it. */
    public record Active(int version, CompiledRules rules) {
    }

    void activate(int version, CompiledRules rules) {
        current.set(new Active(version, rules));
    }

    public Active active() {
        Active a = current.get();
        if (a == null) {
            throw new IllegalStateException("no rule set is loaded");
        }
        return a;
    }

    public ConsoleContent console() {
        Active a = current.get();
        return a == null ? ConsoleContent.fallback() : a.rules().console();
    }

    @Override
    public TriageOutcome triage(Contact contact) {
        Active a = current.get();
        return a == null ? fallback.triage(contact) : a.rules().pipeline().triage(contact);
    }

    @Override
    public TriageOutcome screen(Contact contact) {
        Active a = current.get();
        return a == null ? fallback.screen(contact) : a.rules().pipeline().screen(contact);
    }

    @Override
    public java.util.Optional<java.time.Instant> deadline(fi.ikkuna.triage.Urgency urgency, String service, java.time.ZonedDateTime at) {
        Active a = current.get();
        return a == null ? fallback.deadline(urgency, service, at) : a.rules().pipeline().deadline(urgency, service, at);
    }

    @Override
    public boolean analysisDegraded() {
        Active a = current.get();
        return a != null && a.rules().pipeline().analysisDegraded();
    }

    @Override
    public boolean ready() {
        return current.get() != null;
    }
}
