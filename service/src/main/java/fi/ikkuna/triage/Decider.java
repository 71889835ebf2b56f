package fi.ikkuna.triage;

import fi.ikkuna.triage.TriageOutcome.FaqHit;
import fi.ikkuna.triage.TriageOutcome.SafetyHit;
import fi.ikkuna.triage.calendar.DeadlinePolicy;
import fi.ikkuna.triage.faq.FaqResult;
import fi.ikkuna.triage.load.Settings;
import fi.ikkuna.triage.rules.Rule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The pipeline's decision for one contact: safety screen → FAQ → routing → deadline. Among fired rules, each of
 * urgency, service and queue comes from the highest-priority rule that sets it (ties: the more urgent, then file
 * order). A fired safety rule always makes the contact an emergency and suppresses the FAQ answer; its service
 * (priority 100 unless set) can be refined by a higher-priority routing rule, e.g. a poisoned child goes to
 * family services.
 */
final class Decider {
    /** The rule id a second-opinion emergency carries in {@link SafetyHit}. */
    static final String SECOND_OPINION = "second-opinion";
    private static final Comparator<Rule> PRECEDENCE = Comparator.comparingInt(Rule::priority).reversed()
            .thenComparing(r -> r.urgency() == null ? Urgency.SELF_CARE.ordinal() + 1 : r.urgency().ordinal());

    private Decider() {
    }

    /**
     * @param screenOnly    only the rules that can make an emergency, no FAQ (see {@link TriagePipeline#screen})
     * @param secondOpinion whether the statistical second opinion may add an emergency (off: the rules alone)
     */
    static TriageOutcome decide(RuleSet set, Contact contact, boolean screenOnly, boolean secondOpinion) {
        Settings s = set.settings();
        List<String> why = new ArrayList<>();
        List<Rule> fired = new ArrayList<>(set.matcher().match(contact, screenOnly));
        fired.sort(PRECEDENCE);
        List<SafetyHit> safety = new ArrayList<>();
        List<FiredRule> named = new ArrayList<>();
        for (Rule r : fired) {
            named.add(new FiredRule(r.id(), r.safety() ? FiredRule.Kind.SAFETY : FiredRule.Kind.ROUTING, r.source()));
            if (r.safety()) {
                safety.add(new SafetyHit(r.id(), r.instructionFor(contact.language())));
            }
            why.add((r.safety() ? "safety rule " : "rule ") + r.id() + " (" + r.source() + ") matched"
                    + (r.description().isEmpty() ? "" : ": " + r.description()));
        }
        if (secondOpinion && safety.isEmpty() && set.classifier() != null) {
            // the second opinion catches what no rule words: it can add an emergency, never take one away
            double p = set.classifier().probability(contact);
            if (p >= set.classifier().threshold()) {
                safety.add(new SafetyHit(SECOND_OPINION, s.secondOpinion().instructionFor(contact.language())));
                named.add(new FiredRule(SECOND_OPINION, FiredRule.Kind.SECOND_OPINION, null));
                why.add(String.format(java.util.Locale.ROOT, "statistical second opinion: emergency (p = %.2f, threshold %.2f;"
                        + " trained on the labelled cases)", p, set.classifier().threshold()));
            }
        }
        // a red flag is an emergency whatever else fired; the service may still come from a more specific rule
        Urgency urgency = safety.isEmpty() ? first(fired, Rule::urgency).orElse(null) : Urgency.EMERGENCY;
        String service = first(fired, Rule::service).orElse(null);
        String queue = first(fired, Rule::queue).orElse(null);

        FaqResult found = screenOnly ? FaqResult.NONE : set.faq().search(contact.text(), contact.language(), s.maxSuggestions());
        List<FaqHit> faq = found.hits().stream().filter(h -> h.score() >= s.suggestMinScore()).toList();
        boolean confident = !faq.isEmpty() && faq.get(0).score() >= s.answerMinScore()
                && (faq.size() < 2 || faq.get(0).score() >= s.answerMinRatio() * faq.get(1).score())
                && found.coverage() >= s.answerMinCoverage();
        boolean answered = confident && (urgency == null || urgency == Urgency.SELF_CARE);
        if (!faq.isEmpty()) {
            why.add(String.format("FAQ %s scored %.2f%s", faq.get(0).id(), faq.get(0).score(),
                    answered ? ": confident, answered at once"
                            : confident ? ": confident, but rule urgency " + urgency.wire() + " keeps the contact in a queue"
                            : String.format(java.util.Locale.ROOT, " (covers %.0f %% of the words; answering needs score %s, %s × the next"
                            + " and %.0f %% of the words): suggestions only", 100 * found.coverage(), s.answerMinScore(),
                            s.answerMinRatio(), 100 * s.answerMinCoverage())));
        }
        if (answered) {
            urgency = Urgency.SELF_CARE;
        }
        if (service == null && !faq.isEmpty() && (confident || faq.get(0).score() >= s.answerMinScore() / 2)) {
            service = set.faq().entry(faq.get(0).id()).service();
            why.add("service " + service + " taken from FAQ " + faq.get(0).id());
        }
        if (urgency == null) {
            urgency = s.defaultUrgency();
            why.add("no rule set the urgency: default " + urgency.wire());
        }
        if (service == null) {
            service = s.defaultService();
            why.add("no rule set the service: default " + service);
        }
        if (queue == null) {
            queue = set.defaultQueueByService().getOrDefault(service, set.defaultQueueByService().get(s.defaultService()));
        }
        Instant deadline = deadline(set.deadlines(), urgency, service, contact, why);
        return new TriageOutcome(urgency, service, queue, deadline, answered, List.copyOf(safety), faq, List.copyOf(why),
                List.copyOf(named));
    }

    private static Instant deadline(DeadlinePolicy policy, Urgency urgency, String service, Contact c, List<String> why) {
        Optional<DeadlinePolicy.Decision> d = policy.decide(urgency, service, c.age(), c.at());
        if (d.isEmpty()) {
            why.add("no deadline rule applies");
            return null;
        }
        DeadlinePolicy.Decision decision = d.get();
        why.add("deadline rule " + decision.rule().id() + " (" + decision.rule().source() + "): "
                + (decision.deadline() == null ? "no deadline" : "deadline " + decision.deadline())
                + (decision.assessment() == null ? "" : ", care-need assessment by " + decision.assessment()));
        return decision.deadline();
    }

    private static <T> Optional<T> first(List<Rule> sorted, Function<Rule, T> attribute) {
        return sorted.stream().map(attribute).filter(v -> v != null).findFirst();
    }
}
