package fi.ikkuna.insights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.ikkuna.triage.CaseDefinition;
import fi.ikkuna.triage.FiredRules;
import fi.ikkuna.triage.RuleTriagePipeline;
import fi.ikkuna.triage.TestRules;
import fi.ikkuna.triage.TriageOutcome;
import fi.ikkuna.web.Json;
import org.junit.jupiter.api.Test;

/**
 * Issue 15.3: insights read the stored {@code fired} list, and rows stored before it (explanation only, also those a
 * purge had already reduced to "rule id (source)" lines) must give the same figures. Every labelled case is triaged
 * by the repository's rules, stored in each shape with the same transfer, and the corrections table compared.
 */
class FiredRulesFiguresTest {
    private static final Instant AT = Instant.parse("2025-03-03T08:00:00Z");
    // what Purge.rulesOnly kept of an explanation line before the list existed
    private static final Pattern OLD_PURGE = Pattern.compile("^((?:safety )?rule \\S+ \\([^)]*\\))");

    private static String newRow(TriageOutcome o) {
        ObjectNode n = oldRow(o);
        n.set(FiredRules.KEY, FiredRules.toJson(o.fired()));
        return Json.write(n);
    }

    private static ObjectNode oldRow(TriageOutcome o) {
        ObjectNode n = Json.object().put("urgency", o.urgency().wire()).put("service", o.service()).put("queue", o.queue());
        n.set("explanation", Json.MAPPER.valueToTree(o.explanation()));
        return n;
    }

    private static String oldPurgedRow(TriageOutcome o) {
        ObjectNode n = Json.object().put("urgency", o.urgency().wire());
        var why = n.putArray("explanation");
        for (String line : o.explanation()) {
            Matcher m = OLD_PURGE.matcher(line);
            if (m.find()) {
                why.add(m.group(1));
            }
        }
        return Json.write(n);
    }

    private static List<Contact> stored(List<TriageOutcome> outcomes, Function<TriageOutcome, String> row) {
        List<Contact> out = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            TriageOutcome o = outcomes.get(i);
            String to = "health".equals(o.queue()) ? "dental" : "health";
            List<Contact.Event> events = List.of(new Contact.Event(AT, "started", null, "new", "chat"),
                    new Contact.Event(AT, "triaged", "new", "triaged", null), new Contact.Event(AT, "queued", "triaged", "queued", null),
                    new Contact.Event(AT.plusSeconds(60), "transferred", "queued", "queued", o.queue() + " -> " + to + ": väärä jono"));
            out.add(new Contact("c" + i, "chat", o.service(), to, "queued", o.urgency().wire(), null, AT, null, null, row.apply(o), events));
        }
        return out;
    }

    @Test
    void oldAndNewRowsOfTheSameContactGiveTheSameFigures() {
        RuleTriagePipeline p = TestRules.pipeline();
        List<TriageOutcome> outcomes = p.cases().stream().map(CaseDefinition::contact).map(p::triage).toList();
        List<Contact> fresh = stored(outcomes, FiredRulesFiguresTest::newRow);
        List<Contact> old = stored(outcomes, o -> Json.write(oldRow(o)));
        List<Contact> oldPurged = stored(outcomes, FiredRulesFiguresTest::oldPurgedRow);
        for (int i = 0; i < fresh.size(); i++) {
            assertEquals(fresh.get(i).firedRules(), old.get(i).firedRules(), outcomes.get(i).explanation().toString());
            assertEquals(fresh.get(i).firedRules(), oldPurged.get(i).firedRules(), outcomes.get(i).explanation().toString());
        }
        String figures = CorrectionTable.of(fresh, null).toCsv();
        assertEquals(figures, CorrectionTable.of(old, null).toCsv());
        assertEquals(figures, CorrectionTable.of(oldPurged, null).toCsv());
        assertEquals(CorrectionTable.of(fresh, "dental").toCsv(), CorrectionTable.of(old, "dental").toCsv());
        assertTrue(figures.contains("\nchest-pain,health,dental,") && figures.contains("\nnone,"), "rules and defaults both counted:\n" + figures);
        assertTrue(!figures.contains("second-opinion"), "the second opinion is no rule to correct");
    }

    @Test
    void theSecondOpinionNamesNoRuleInEitherShape() {
        TriageOutcome o = TestRules.chat("fi", "mun isä istuu sohval ja sanoo et rinnan päällä on ku elefantti istuis, ei meinaa saada henkee");
        assertEquals(1, o.fired().size(), o.fired().toString());
        List<Contact> fresh = stored(List.of(o), FiredRulesFiguresTest::newRow);
        assertEquals(java.util.Set.of(), fresh.get(0).firedRules());
        assertEquals(CorrectionTable.of(stored(List.of(o), r -> Json.write(oldRow(r))), null).toCsv(), CorrectionTable.of(fresh, null).toCsv());
    }
}
