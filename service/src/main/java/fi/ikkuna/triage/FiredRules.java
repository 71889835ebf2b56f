package fi.ikkuna.triage;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import fi.ikkuna.web.Json;

/**
 * The {@code fired} list of a stored triage, written and read in one place. Rows stored before the list existed
 * carry only the explanation, so the reader falls back to the Decider's old trace lines for them; those rows stay
 * in the database for years (docs/retention.md), and the figures read from them must not change.
 */
public final class FiredRules {
    /** The key of the list in the stored triage. */
    public static final String KEY = "fired";
    // Old rows: "safety rule <id> (<source>) matched…" and "rule <id> (<source>) matched…" as the Decider wrote them,
    // "… (<source>)" alone once a purge had reduced them; "statistical second opinion: emergency …" for the model.
    // "deadline rule …" is anchored out: deadline rules are not routing rules.
    private static final Pattern RULE_LINE = Pattern.compile("^(safety )?rule (\\S+) \\(([^)]*)\\)");
    private static final String SECOND_OPINION_LINE = "statistical second opinion: emergency";

    private FiredRules() {
    }

    /** The list as stored: {@code [{"rule", "kind", "source"}]}, in the Decider's order. */
    public static ArrayNode toJson(List<FiredRule> fired) {
        ArrayNode out = Json.MAPPER.createArrayNode();
        for (FiredRule f : fired) {
            out.addObject().put("rule", f.rule()).put("kind", f.kind().wire()).put("source", f.source());
        }
        return out;
    }

    /**
     * The fired rules of a stored triage object: its {@code fired} list when it has one, else parsed from its
     * explanation lines (rows written before the list). An entry of an unknown kind is skipped, not guessed.
     */
    public static List<FiredRule> of(JsonNode triage) {
        List<FiredRule> out = new ArrayList<>();
        if (triage == null || !triage.isObject()) {
            return out;
        }
        JsonNode fired = triage.get(KEY);
        if (fired != null && fired.isArray()) {
            for (JsonNode f : fired) {
                FiredRule.Kind kind = FiredRule.Kind.ofWire(f.path("kind").asText());
                if (kind != null && f.path("rule").isTextual()) {
                    out.add(new FiredRule(f.get("rule").asText(), kind, f.path("source").isTextual() ? f.get("source").asText() : null));
                }
            }
            return out;
        }
        for (JsonNode line : triage.path("explanation")) {
            String text = line.asText();
            Matcher m = RULE_LINE.matcher(text);
            if (m.find()) {
                out.add(new FiredRule(m.group(2), m.group(1) == null ? FiredRule.Kind.ROUTING : FiredRule.Kind.SAFETY, m.group(3)));
            } else if (text.startsWith(SECOND_OPINION_LINE)) {
                out.add(new FiredRule(Decider.SECOND_OPINION, FiredRule.Kind.SECOND_OPINION, null));
            }
        }
        return out;
    }
}
