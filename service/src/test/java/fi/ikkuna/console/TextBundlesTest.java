package fi.ikkuna.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import fi.ikkuna.web.Json;
import org.junit.jupiter.api.Test;

/**
 * Issue 14.7: every text bundle has the same keys in fi, sv and en, and each key the same {placeholders}, so no
 * language falls back to showing a key or drops a value. Bundles: console, workbench, insights, resident widget.
 */
class TextBundlesTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)\\}");
    private static final Map<String, Path> BUNDLES = Map.of(
            "console", Path.of("src/main/resources/web/console/i18n"),
            "console/workbench-", Path.of("src/main/resources/web/console/i18n"),
            "console/insights-", Path.of("src/main/resources/web/console/i18n"),
            "widget", Path.of("../widget/i18n"),
            "console/call-", Path.of("src/main/resources/web/console/i18n"),
            "widget/call-", Path.of("../widget/i18n"));

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
        TreeSet<String> params = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(n.asText());
        while (m.find()) {
            params.add(m.group(1));
        }
        out.put(prefix, params.toString());
    }

    @Test
    void finnishSwedishAndEnglishHaveTheSameKeysAndPlaceholders() throws IOException {
        for (Map.Entry<String, Path> b : BUNDLES.entrySet()) {
            String prefix = b.getKey().contains("-") ? b.getKey().substring(b.getKey().indexOf('/') + 1) : "";
            Map<String, String> fi = keys(b.getValue().resolve(prefix + "fi.json"));
            for (String lang : new String[] {"sv", "en"}) {
                Map<String, String> other = keys(b.getValue().resolve(prefix + lang + ".json"));
                assertEquals(new TreeSet<>(fi.keySet()), new TreeSet<>(other.keySet()), b.getKey() + " " + lang + " keys");
                assertEquals(fi, other, b.getKey() + " " + lang + " placeholders");
            }
        }
    }
}
