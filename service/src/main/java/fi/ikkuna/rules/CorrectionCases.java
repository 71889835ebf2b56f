package fi.ikkuna.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

/** Writes accepted triage corrections as labelled cases in {@code cases/corrections.yaml}. */
final class CorrectionCases {
    static final String FILE = "cases/corrections.yaml";
    /** How the workbench writes the rule files it generates (accepted corrections and FAQ variants): block style. */
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS).disable(YAMLGenerator.Feature.SPLIT_LINES));

    private CorrectionCases() {
    }

    /** The file with the correction appended (once: accepting the same correction again changes nothing). */
    @SuppressWarnings("unchecked")
    static String append(String existing, Corrections.Correction c) {
        try {
            Map<String, Object> root = existing == null || existing.isBlank() ? new LinkedHashMap<>() : YAML.readValue(existing, Map.class);
            List<Map<String, Object>> cases = new ArrayList<>((List<Map<String, Object>>) root.getOrDefault("cases", List.of()));
            String id = "correction-" + c.eventId().substring(0, 8);
            if (cases.stream().noneMatch(k -> id.equals(k.get("id")))) {
                Map<String, Object> k = new LinkedHashMap<>();
                k.put("id", id);
                k.put("text", c.contact().text());
                k.put("language", c.contact().language());
                k.put("channel", c.contact().channel().wire());
                k.put("expect", c.expectUrgency() != null ? Map.of("urgency", c.expectUrgency()) : Map.of("service", c.expectService()));
                cases.add(k);
            }
            root.put("cases", cases);
            return "# Triage corrections accepted in the workbench: professionals moved these contacts with a reason,\n"
                    + "# or said a contact raised as an emergency was not one.\n"
                    + YAML.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
