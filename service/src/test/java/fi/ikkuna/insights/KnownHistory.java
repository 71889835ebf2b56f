package fi.ikkuna.insights;

import static fi.ikkuna.insights.HistorySeed.at;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import fi.ikkuna.triage.Channel;
import fi.ikkuna.triage.FiredRule;

/**
 * The seeded history whose figures the tests know by hand (docs/insights.md walks through them). Two busy days
 * in March 2025 (UTC+2), a third day outside the usual range, and three conversations waiting right now.
 */
public final class KnownHistory {
    public static final LocalDate D1 = LocalDate.of(2025, 3, 3);
    public static final LocalDate D2 = LocalDate.of(2025, 3, 4);
    public static final LocalDate D3 = LocalDate.of(2025, 3, 5);
    /** A day of its own for the emergency (issue 14.10), so the figures of D1..D3 stay as they were. */
    public static final LocalDate D4 = LocalDate.of(2025, 3, 10);
    static final String FEVER = "rule fever-cough (rules/health.yaml) matched: fever and cough";
    static final String CHEST = "safety rule chest-pain (rules/safety.yaml) matched: chest pain";
    static final String DENTAL = "rule toothache (rules/dental.yaml) matched";
    static final String FAQ = "FAQ opening-hours scored 0.90: confident, answered at once";
    static final String DEFAULTS = "no rule set the service: default health";
    static final String DEADLINE = "deadline rule urgent (deadlines.yaml): deadline 2025-03-03T10:00:00Z";

    private KnownHistory() {
    }

    public static void seed(HistorySeed s, Instant now) {
        // C1: waited 10 min in health at 09, met its deadline, rated 5.
        s.conversation(Channel.CHAT, at(D1, 9, 0), c -> c.triage("health", "health", at(D1, 12, 0), FEVER, DEADLINE)
                .queued(at(D1, 9, 0)).claim(at(D1, 9, 10)).close(at(D1, 9, 30), "advice_given").rate(5));
        // C2: claimed after its deadline, then transferred health -> mental-health (a correction of fever-cough).
        s.conversation(Channel.CHAT, at(D1, 9, 20), c -> c.triage("health", "health", at(D1, 9, 40), FEVER)
                .queued(at(D1, 9, 20)).claim(at(D1, 9, 50)).transfer(at(D1, 10, 0), "mental-health", "wants to talk about coping")
                .claim(at(D1, 10, 20)).close(at(D1, 10, 40), "advice_given").rate(3));
        // C3: the resident left after 30 min in dental, before the deadline (withdrawn).
        s.conversation(Channel.FORM, at(D1, 14, 0), c -> c.triage("dental", "dental", at(D2, 14, 0), DENTAL)
                .queued(at(D1, 14, 0)).residentClose(at(D1, 14, 30)));
        // C4: FAQ answer marked helpful.
        s.conversation(Channel.CHAT, at(D1, 15, 0), c -> c.triage("general", "general", null, FAQ)
                .selfServed(at(D1, 15, 0)).faqHelpful(at(D1, 15, 1)).rate(4));
        // C5: 00:30 local on D2 is still D1 in UTC; FAQ not helpful, handed to a person in general.
        s.conversation(Channel.CHAT, at(D2, 0, 30), c -> c.triage("general", "general", null, FAQ)
                .selfServed(at(D2, 0, 30)).faqNotHelpful(at(D2, 0, 32)).claim(at(D2, 0, 42)).close(at(D2, 1, 0), "advice_given").rate(2));
        // C6: FAQ answer without feedback; the resident closed the window.
        s.conversation(Channel.CHAT, at(D2, 8, 0), c -> c.triage("general", "general", null, FAQ)
                .selfServed(at(D2, 8, 0)).residentClose(at(D2, 8, 5)));
        // C7: claimed, returned to the queue, claimed again: two waits in health at 09.
        s.conversation(Channel.APPOINTMENT, at(D2, 9, 5), c -> c.triage("health", "health", at(D2, 9, 30), FEVER)
                .queued(at(D2, 9, 5)).claim(at(D2, 9, 15)).release(at(D2, 9, 20)).claim(at(D2, 9, 50))
                .close(at(D2, 10, 0), "booked").rate(4));
        // C8: two rules fired; transferred health -> dental with a reason full of CSV-hostile characters. Stored with the
        // fired list as the service writes it now; C2 is a row from before the list (explanation only).
        s.conversation(Channel.CHAT, at(D2, 10, 0), c -> c.triage("health", "health", at(D2, 10, 30), FEVER, CHEST)
                .fired(new FiredRule("fever-cough", FiredRule.Kind.ROUTING, "rules/health.yaml"),
                        new FiredRule("chest-pain", FiredRule.Kind.SAFETY, "rules/safety.yaml"))
                .queued(at(D2, 10, 0)).claim(at(D2, 10, 5)).transfer(at(D2, 10, 10), "dental", "tooth, not \"fever\"")
                .claim(at(D2, 10, 40)).close(at(D2, 11, 0), "advice_given").rate(5));
        // C9: no rule fired; the resident left after an hour, past the deadline (missed).
        s.conversation(Channel.FORM, at(D2, 11, 0), c -> c.triage("mental-health", "mental-health", at(D2, 11, 30), DEFAULTS)
                .queued(at(D2, 11, 0)).residentClose(at(D2, 12, 0)));
        // C11 (D3, outside D1..D2): no rule fired, transferred health -> general.
        s.conversation(Channel.CHAT, at(D3, 10, 0), c -> c.triage("health", "health", null, DEFAULTS)
                .queued(at(D3, 10, 0)).claim(at(D3, 10, 30)).transfer(at(D3, 10, 35), "general", "wrong queue")
                .claim(at(D3, 10, 45)).close(at(D3, 11, 0), "advice_given"));
        // C12 (D4): an emergency (deadline = moment of contact), claimed after 45 s: reported apart from met/missed.
        s.conversation(Channel.CHAT, at(D4, 10, 0), c -> c.emergency("health", "health", CHEST)
                .queued(at(D4, 10, 0)).claim(at(D4, 10, 0).plusSeconds(45)).close(at(D4, 10, 20), "advice_given"));
        // Waiting now: at risk (deadline in 2 h), pending (10 h), missed (10 min ago).
        Instant queued = now.minus(Duration.ofHours(1));
        s.conversation(Channel.CHAT, queued, c -> c.triage("health", "health", now.plus(Duration.ofHours(2)), FEVER).queued(queued));
        s.conversation(Channel.CHAT, queued, c -> c.triage("health", "health", now.plus(Duration.ofHours(10)), FEVER).queued(queued));
        s.conversation(Channel.CHAT, queued, c -> c.triage("dental", "dental", now.minus(Duration.ofMinutes(10)), DENTAL).queued(queued));
    }
}
