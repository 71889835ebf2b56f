package fi.ikkuna.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Issue 12: the same contact in Finnish, Swedish and English gets the same urgency and service. The triples are
 * the blind tuning half's translated contacts (training/blind-tuning.yaml, note "triple:N").
 */
class TranslatedTriplesTest {
    private static final Pattern CASE = Pattern.compile("- id: (\\S+)\\n(?:    .*\\n)*?    note: \"triple:(\\d+);");

    @Test
    void everyTripleGetsOneUrgencyAndService() throws IOException {
        String yaml = Files.readString(TestRules.dir().resolve("training/blind-tuning.yaml"));
        Map<String, List<String>> triples = new LinkedHashMap<>();
        Matcher m = CASE.matcher(yaml);
        while (m.find()) {
            triples.computeIfAbsent(m.group(2), k -> new ArrayList<>()).add(m.group(1));
        }
        assertTrue(triples.size() >= 5, "expected the tuning half's triples, found " + triples);
        Map<String, CaseDefinition> byId = new LinkedHashMap<>();
        TestRules.pipeline().ruleSet().training().forEach(c -> byId.put(c.id(), c));
        List<String> differ = new ArrayList<>();
        for (Map.Entry<String, List<String>> t : triples.entrySet()) {
            assertEquals(3, t.getValue().size(), "triple " + t.getKey() + " " + t.getValue());
            List<String> outcomes = t.getValue().stream().map(id -> {
                TriageOutcome o = TestRules.pipeline().triage(byId.get(id).contact());
                return o.urgency().wire() + "/" + o.service();
            }).toList();
            if (outcomes.stream().distinct().count() > 1) {
                differ.add("triple " + t.getKey() + " " + t.getValue() + ": " + outcomes);
            }
        }
        assertEquals(List.of(), differ, "the same contact is triaged differently by language");
    }
}
