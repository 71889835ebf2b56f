package fi.ikkuna.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.ikkuna.triage.FiredRule.Kind;
import fi.ikkuna.triage.FiredRule;
import fi.ikkuna.triage.FiredRules;
import fi.ikkuna.web.Json;
import org.junit.jupiter.api.Test;

/** What a purge keeps of the stored triage (Purge.rulesOnly): the figures and the fired list, whatever the row's age. */
class RulesOnlyTest {
    private static final List<String> EXPLANATION = List.of(
            "safety rule chest-pain (rules/10-safety-health.yaml:5) matched: rintakipu ja hengenahdistus",
            "rule service-health (rules/20-services.yaml:6) matched",
            "statistical second opinion: emergency (p = 0.91, threshold 0.80; trained on the labelled cases)",
            "FAQ x scored 0.40: suggestions only",
            "deadline rule urgent (deadlines.yaml:3): deadline 2025-03-03T10:00:00Z");
    private static final List<FiredRule> FIRED = List.of(new FiredRule("chest-pain", Kind.SAFETY, "rules/10-safety-health.yaml:5"),
            new FiredRule("service-health", Kind.ROUTING, "rules/20-services.yaml:6"),
            new FiredRule("second-opinion", Kind.SECOND_OPINION, null));

    private static ObjectNode row(boolean withList) {
        ObjectNode n = Json.object().put("urgency", "emergency").put("service", "health").put("queue", "health")
                .put("answered", false).put("deadline", "2025-03-03T08:00:00Z");
        n.putArray("safety").add(Json.object().put("rule", "chest-pain").put("instruction", "Soita 112."));
        n.putArray("faq").add(Json.object().put("id", "x").put("question", "Mikä?"));
        n.set("explanation", Json.MAPPER.valueToTree(EXPLANATION));
        if (withList) {
            n.set(FiredRules.KEY, FiredRules.toJson(FIRED));
        }
        return n;
    }

    @Test
    void oldAndNewRowsPurgeToTheSameSkeleton() {
        String fresh = Purge.rulesOnly(Json.write(row(true)));
        assertEquals(fresh, Purge.rulesOnly(Json.write(row(false))), "an explanation-only row gets the list from its lines");
        assertEquals(FIRED, FiredRules.of(Json.parseObject(fresh)));
        assertEquals("{\"urgency\":\"emergency\",\"service\":\"health\",\"queue\":\"health\",\"deadline\":\"2025-03-03T08:00:00Z\","
                + "\"answered\":false,\"safety\":[],\"faq\":[],\"explanation\":[],\"fired\":" + Json.write(FiredRules.toJson(FIRED)) + "}",
                fresh);
        for (String gone : List.of("rintakipu", "Soita", "Mikä", "FAQ", "0.91")) {
            assertFalse(fresh.contains(gone), gone + " in " + fresh);
        }
    }

    @Test
    void aRowAPurgeReducedBeforeTheListKeepsItsRules() {
        ObjectNode reduced = Json.object().put("urgency", "urgent");
        reduced.putArray("explanation").add("rule fever (rules/health.yaml)");
        assertEquals(List.of(new FiredRule("fever", Kind.ROUTING, "rules/health.yaml")),
                FiredRules.of(Json.parseObject(Purge.rulesOnly(Json.write(reduced)))));
    }

    @Test
    void unreadableOrMissingTriage() {
        assertNull(Purge.rulesOnly("{not json"));
        assertNull(Purge.rulesOnly(null));
    }
}
