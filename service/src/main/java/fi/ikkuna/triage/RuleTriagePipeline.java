package fi.ikkuna.triage;

import fi.ikkuna.triage.analysis.AnalysisVariant;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The rule-based {@link TriagePipeline}: rules, FAQ, queues and deadlines come from a triage-rules/ directory.
 * Every contact reads one immutable {@link RuleSet}; {@link #reload()} swaps in a new one atomically and keeps
 * the old one when the new files are invalid.
 */
public final class RuleTriagePipeline implements TriagePipeline {
    private final Path rulesDir;
    private final ZoneId zone;
    private final AnalysisVariant forcedVariant;
    private final AtomicReference<RuleSet> current = new AtomicReference<>();

    private RuleTriagePipeline(Path rulesDir, ZoneId zone, AnalysisVariant forcedVariant) {
        this.rulesDir = rulesDir;
        this.zone = zone;
        this.forcedVariant = forcedVariant;
    }

    /** Loads the rule directory; throws {@link RuleLoadException} (file:line: reason) when anything is invalid. */
    public static RuleTriagePipeline load(Path rulesDir, ZoneId zone) {
        return load(rulesDir, zone, null);
    }

    /** As {@link #load(Path, ZoneId)} with the Finnish analysis chain forced (for the evaluation's comparison). */
    public static RuleTriagePipeline load(Path rulesDir, ZoneId zone, AnalysisVariant finnish) {
        RuleTriagePipeline p = new RuleTriagePipeline(rulesDir, zone, finnish);
        p.reload();
        return p;
    }

    /** Re-reads the directory; on error the previous rule set stays active and the exception is rethrown. */
    public void reload() {
        current.set(new RuleSetLoader(rulesDir, zone, forcedVariant).load());
    }

    @Override
    public TriageOutcome triage(Contact contact) {
        return Decider.decide(current.get(), withTime(contact), false, true);
    }

    @Override
    public TriageOutcome screen(Contact contact) {
        return Decider.decide(current.get(), withTime(contact), true, true);
    }

    /**
     * What the rules alone decide, without the statistical second opinion. The workbench's publish gate uses it:
     * the second opinion is trained on the very cases the gate counts, so with it every labelled emergency would
     * stay an emergency even in a draft that deleted the safety rules.
     */
    public TriageOutcome triageByRules(Contact contact) {
        checkContact(contact);
        return Decider.decide(current.get(), withTime(contact), false, false);
    }

    private Contact withTime(Contact contact) {
        checkContact(contact);
        return contact.at() == null ? new Contact(contact.text(), contact.language(), contact.channel(),
                contact.age(), contact.formType(), ZonedDateTime.now(zone)) : contact;
    }

    /** The callers validate residents' input; this only turns a programming error into a clear message. */
    private static void checkContact(Contact contact) {
        if (contact == null || contact.text() == null || !List.of("fi", "sv", "en").contains(contact.language())) {
            throw new IllegalArgumentException("contact needs text and a language of fi, sv or en: " + contact);
        }
    }

    @Override
    public boolean analysisDegraded() {
        RuleSet rs = current.get();
        return rs != null && rs.analysis().degraded();
    }

    @Override
    public java.util.Optional<java.time.Instant> deadline(Urgency urgency, String service, ZonedDateTime at) {
        return current.get().deadlines().decide(urgency, service, null, at).map(d -> d.deadline());
    }

    @Override
    public boolean ready() {
        return current.get() != null;
    }

    public List<QueueDefinition> queues() {
        return List.copyOf(current.get().queues().values());
    }

    /** Whether the queue is open at the given time (weekly hours, dated exceptions, Finnish holidays). */
    public boolean isOpen(String queueId, ZonedDateTime at) {
        QueueDefinition q = current.get().queues().get(queueId);
        if (q == null) {
            throw new NoSuchElementException("unknown queue " + queueId);
        }
        return q.isOpen(at.withZoneSameInstant(zone));
    }

    /** The labelled cases of the current rule set, for the case runner and the evaluation. */
    public List<CaseDefinition> cases() {
        return current.get().cases();
    }

    /** The current rule set (analysis variant, FAQ index) for diagnostics and evaluation. */
    public RuleSet ruleSet() {
        return current.get();
    }

    public ZoneId zone() {
        return zone;
    }
}
