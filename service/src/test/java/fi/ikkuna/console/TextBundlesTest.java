package fi.ikkuna.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import fi.ikkuna.web.Json;
import org.junit.jupiter.api.Test;

/**
 * Issue 14.7 and 15.5: every text bundle has the same keys in fi, sv and en, and each key the same {placeholders}, so
 * no language falls back to showing a key or drops a value. The bundles are found, not listed: every {@code fi.json}
 * or {@code NAME-fi.json} under the service's resources and the widget (console, workbench, insights, widget, and
 * any added later), and every text map ({@code fi:}/{@code sv:}/{@code en:}) in the county's rule files, which the
 * server renders (FAQ answers, forms, queues, settings).
 */
class TextBundlesTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)\\}");
    private static final Set<String> LANGUAGES = Set.of("fi", "sv", "en");
    private static final List<Path> BUNDLE_ROOTS = List.of(Path.of("src/main/resources"), Path.of("../widget"));
    private static final Path RULES = Path.of("../triage-rules");

    @Test
    void finnishSwedishAndEnglishHaveTheSameKeysAndPlaceholders() throws IOException {
        List<Path> finnish = finnishBundles();
        assertTrue(finnish.size() >= 4, "console, workbench, insights and widget bundles found: " + finnish);
        for (Path fi : finnish) {
            Map<String, String> fiKeys = keys(fi);
            for (String lang : new String[] {"sv", "en"}) {
                Path other = fi.resolveSibling(fi.getFileName().toString().replace("fi.json", lang + ".json"));
                assertTrue(Files.exists(other), other + " is missing");
                Map<String, String> otherKeys = keys(other);
                assertEquals(new TreeSet<>(fiKeys.keySet()), new TreeSet<>(otherKeys.keySet()), other + " keys");
                assertEquals(fiKeys, otherKeys, other + " placeholders");
            }
        }
    }

    @Test
    void everyTextInTheRuleFilesIsInAllThreeLanguages() throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<String> gaps = new ArrayList<>();
        int maps = 0;
        try (Stream<Path> s = Files.walk(RULES)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                for (JsonNode doc : yaml.readerFor(JsonNode.class).<JsonNode>readValues(f.toFile()).readAll()) {
                    maps += textMaps(doc, f.getFileName() + ":", gaps);
                }
            }
        }
        assertTrue(maps > 100, "the rule files' text maps were found (" + maps + ")");
        assertEquals(List.of(), gaps, "text maps without all of fi/sv/en or with different placeholders");
    }

    /** A map with a fi, sv or en key of plain text (or a list of it) is a text: it needs all three, same placeholders. */
    private static int textMaps(JsonNode n, String path, List<String> gaps) {
        int found = 0;
        if (n.isObject()) {
            Set<String> langs = new TreeSet<>();
            n.fieldNames().forEachRemaining(k -> {
                if (LANGUAGES.contains(k) && (n.get(k).isTextual() || n.get(k).isArray())) {
                    langs.add(k);
                }
            });
            if (!langs.isEmpty()) {
                found++;
                if (!langs.equals(new TreeSet<>(LANGUAGES))) {
                    gaps.add(path + " has only " + langs);
                } else if (!placeholders(n.get("fi")).equals(placeholders(n.get("sv")))
                        || !placeholders(n.get("fi")).equals(placeholders(n.get("en")))) {
                    gaps.add(path + " placeholders differ");
                }
            }
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                found += textMaps(e.getValue(), path + "." + e.getKey(), gaps);
            }
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                found += textMaps(n.get(i), path + "[" + i + "]", gaps);
            }
        }
        return found;
    }

    private static List<Path> finnishBundles() throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path root : BUNDLE_ROOTS) {
            try (Stream<Path> s = Files.walk(root)) {
                s.filter(p -> p.getFileName().toString().matches("(.+-)?fi\\.json")).sorted().forEach(out::add);
            }
        }
        return out;
    }

    /** key → sorted placeholders, with nested objects flattened to dotted keys (the widget's texts are nested). */
    private static Map<String, String> keys(Path file) throws IOException {
        Map<String, String> out = new TreeMap<>();
        flatten("", Json.MAPPER.readTree(Files.readString(file)), out);
        return out;
    }

    private static void flatten(String prefix, JsonNode n, Map<String, String> out) {
        if (n.isObject()) {
            n.properties().forEach(e -> flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out));
            return;
        }
        out.put(prefix, placeholders(n));
    }

    private static String placeholders(JsonNode n) {
        TreeSet<String> params = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(n.isArray() ? n.toString() : n.asText());
        while (m.find()) {
            params.add(m.group(1));
        }
        return params.toString();
    }
}
