package fi.ikkuna.datarights;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import fi.ikkuna.web.Json;

/** The printable export's words: the widget's own i18n files (one place for every resident-facing text). */
final class ExportTexts {
    static final List<String> LANGUAGES = List.of("fi", "sv", "en");
    private static final Map<String, JsonNode> BY_LANG = new ConcurrentHashMap<>();
    private final JsonNode texts;
    final String lang;

    ExportTexts(String lang) {
        this.lang = LANGUAGES.contains(lang) ? lang : "fi";
        this.texts = BY_LANG.computeIfAbsent(this.lang, ExportTexts::load);
    }

    /** The text at a dotted key; a missing key fails loudly, so a gap shows in the tests rather than on a page. */
    String get(String key) {
        JsonNode node = texts;
        for (String part : key.split("\\.")) {
            node = node.path(part);
        }
        if (!node.isTextual()) {
            throw new IllegalStateException("Missing text " + lang + ":" + key);
        }
        return node.asText();
    }

    /** A label for a stored code (an action, a purpose, a role) when there is one, else the stored words as they are. */
    String label(String group, String code) {
        if (code == null) {
            return "";
        }
        JsonNode node = texts.path("mydata").path(group).path(code);
        return node.isTextual() ? node.asText() : code;
    }

    String get(String key, String name, Object value) {
        return get(key).replace("{" + name + "}", String.valueOf(value));
    }

    private static JsonNode load(String lang) {
        try (InputStream in = ExportTexts.class.getClassLoader().getResourceAsStream("web/widget/i18n/" + lang + ".json")) {
            if (in == null) {
                throw new IllegalStateException("web/widget/i18n/" + lang + ".json is not on the classpath");
            }
            return Json.parseObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
