package fi.ikkuna.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import fi.ikkuna.triage.RuleLoadException;

/**
 * Console content from {@code triage-rules/console.yaml}: outcome codes and canned replies per queue.
 * Invalid content is rejected with file, line and reason, like the rest of the rule set.
 */
public record ConsoleContent(List<Outcome> outcomes, List<Canned> canned) {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** A code a professional closes a conversation with. */
    public record Outcome(String code, Map<String, String> name) {
    }

    /** A canned reply of one queue, in fi/sv/en. */
    public record Canned(String queue, String id, Map<String, String> title, Map<String, String> text) {
    }

    /** Used when a rule set has no console.yaml (or none is loaded): one generic outcome, no canned replies. */
    public static ConsoleContent fallback() {
        return new ConsoleContent(List.of(new Outcome("closed", Map.of("fi", "Päätetty", "sv", "Avslutat", "en", "Closed"))), List.of());
    }

    public static ConsoleContent load(Path rulesDir, Set<String> queueIds) {
        Path file = rulesDir.resolve("console.yaml");
        if (!Files.exists(file)) {
            return fallback();
        }
        ConsoleContent c;
        try {
            c = YAML.readValue(file.toFile(), ConsoleContent.class);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new RuleLoadException(file, at == null ? 0 : at.getLineNr(), e.getOriginalMessage());
        } catch (IOException e) {
            throw new RuleLoadException(file, 0, e.getMessage());
        }
        if (c.outcomes() == null || c.outcomes().isEmpty()) {
            throw new RuleLoadException(file, 1, "at least one outcome code is required");
        }
        for (Canned r : c.canned() == null ? List.<Canned>of() : c.canned()) {
            if (!queueIds.contains(r.queue())) {
                throw new RuleLoadException(file, 0, "canned reply " + r.id() + " names unknown queue " + r.queue());
            }
            for (String lang : List.of("fi", "sv", "en")) {
                if (r.text() == null || r.text().get(lang) == null || r.text().get(lang).isBlank()) {
                    throw new RuleLoadException(file, 0, "canned reply " + r.id() + " has no " + lang + " text");
                }
            }
        }
        return new ConsoleContent(c.outcomes(), c.canned() == null ? List.of() : c.canned());
    }

    public Set<String> outcomeCodes() {
        return Set.copyOf(outcomes.stream().map(Outcome::code).toList());
    }
}
