package fi.ikkuna.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.ikkuna.triage.FiredRule.Kind;
import fi.ikkuna.web.Json;
import org.junit.jupiter.api.Test;

/**
 * The fired-rule list of a triage outcome (docs/triage.md, "Stored triage"): what the Decider names, how it is
 * stored, and that rows stored before the list (explanation only) read back as the same list.
 */
class FiredRulesTest {

    private static List<String> kinds(TriageOutcome o) {
        return o.fired().stream().map(f -> f.rule() + "/" + f.kind().wire()).toList();
    }

    @Test
    void safetyAndRoutingRulesAreNamedWithTheirKindAndFileLine() {
        TriageOutcome o = TestRules.chat("fi", "Vaimolla alkoi äsken äkkiä kova rintakipu ja hengästyttää vaikka makaa sohvalla");
        assertEquals(List.of("chest-pain/safety", "service-health/routing"), kinds(o), o.explanation().toString());
        for (FiredRule f : o.fired()) {
            assertTrue(f.source().matches("rules/[\\w-]+\\.yaml:\\d+"), f.toString());
            assertTrue(o.explanation().stream().anyMatch(l -> l.contains(" " + f.rule() + " (" + f.source() + ")")),
                    "the trace names the same rule at the same place: " + o.explanation());
        }
    }

    @Test
    void theSecondOpinionIsNamedOnlyWhenItSpoke() {
        String text = "mun isä istuu sohval ja sanoo et rinnan päällä on ku elefantti istuis, ei meinaa saada henkee";
        TriageOutcome o = TestRules.chat("fi", text);
        assertEquals(List.of("second-opinion/second-opinion"), kinds(o), o.explanation().toString());
        assertNull(o.fired().get(0).source(), "a model has no file:line");
        TriageOutcome rulesAlone = TestRules.pipeline().triageByRules(
                new Contact(text, "fi", Channel.CHAT, null, null, CaseDefinition.DEFAULT_AT));
        assertTrue(rulesAlone.fired().stream().noneMatch(f -> f.kind() == Kind.SECOND_OPINION), kinds(rulesAlone).toString());
        TriageOutcome both = TestRules.chat("fi", "ei saa henkee, kurkku turvonnu, ampiainen pisti niskaan ja mul on allergia, epipen unohtu kotiin");
        assertEquals(List.of("service-health/routing", "second-opinion/second-opinion"), kinds(both), both.explanation().toString());
    }

    @Test
    void aStoredListReadsBackAsWritten() {
        List<FiredRule> fired = List.of(new FiredRule("chest-pain", Kind.SAFETY, "rules/10-safety-health.yaml:5"),
                new FiredRule("service-health", Kind.ROUTING, "rules/20-services.yaml:6"),
                new FiredRule("second-opinion", Kind.SECOND_OPINION, null));
        ObjectNode stored = Json.object();
        stored.putArray("explanation").add("rule something-else (x.yaml:1) matched");
        stored.set(FiredRules.KEY, FiredRules.toJson(fired));
        assertEquals(fired, FiredRules.of(Json.parseObject(Json.write(stored))), "the list wins over the explanation");
        assertEquals("[{\"rule\":\"second-opinion\",\"kind\":\"second-opinion\",\"source\":null}]",
                Json.write(FiredRules.toJson(fired.subList(2, 3))));
    }

    @Test
    void anEntryOfAnUnknownKindIsSkippedNotGuessed() {
        ObjectNode stored = Json.object();
        stored.putArray(FiredRules.KEY).add(Json.object().put("rule", "a").put("kind", "future-kind"))
                .add(Json.object().put("rule", "b").put("kind", "routing"));
        assertEquals(List.of(new FiredRule("b", Kind.ROUTING, null)), FiredRules.of(stored));
    }

    /** Every labelled case: an old row (explanation only) names exactly what the new list names, in order. */
    @Test
    void oldRowsReadTheSameListFromTheirExplanation() {
        RuleTriagePipeline p = TestRules.pipeline();
        List<Contact> all = new ArrayList<>(p.cases().stream().map(CaseDefinition::contact).toList());
        p.ruleSet().training().forEach(c -> all.add(c.contact()));
        int kinds = 0;
        for (Contact c : all) {
            TriageOutcome o = p.triage(c);
            ObjectNode old = Json.object();
            old.set("explanation", Json.MAPPER.valueToTree(o.explanation()));
            assertEquals(o.fired(), FiredRules.of(old), c.text() + ": " + o.explanation());
            kinds |= o.fired().stream().mapToInt(f -> 1 << f.kind().ordinal()).reduce(0, (a, b) -> a | b);
        }
        assertEquals(0b111, kinds, "the cases exercise safety, routing and the second opinion");
    }
}
