package fi.ikkuna.widget;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.ikkuna.web.Json;

/** The user-facing texts of the server-rendered pages: the same i18n files the widget app reads. */
final class WidgetTexts {
    static final List<String> LANGUAGES = List.of("fi", "sv", "en");

    private final WidgetFiles files;
    private final Map<String, JsonNode> byLang = new ConcurrentHashMap<>();

    WidgetTexts(WidgetFiles files) {
        this.files = files;
    }

    /** The text at a dotted key, e.g. "page.demo.title"; a missing key fails loudly so a gap shows in tests. */
    String get(String lang, String key) {
        JsonNode node = byLang.computeIfAbsent(lang, this::load);
        for (String part : key.split("\\.")) {
            node = node.path(part);
        }
        if (!node.isTextual()) {
            throw new IllegalStateException("Missing text " + lang + ":" + key);
        }
        return node.asText();
    }

    private JsonNode load(String lang) {
        WidgetFiles.Entry e = files.get("i18n/" + lang + ".json").orElseThrow();
        ObjectNode o = Json.parseObject(new String(e.bytes(), java.nio.charset.StandardCharsets.UTF_8));
        return o;
    }

    /** ?lang= wins, then the browser's Accept-Language, then Finnish. */
    static String language(String query, String acceptLanguage) {
        if (query != null && LANGUAGES.contains(query)) {
            return query;
        }
        if (acceptLanguage != null) {
            for (String part : acceptLanguage.split(",")) {
                String tag = part.split(";")[0].trim().toLowerCase(Locale.ROOT);
                String primary = tag.split("-")[0];
                if (LANGUAGES.contains(primary)) {
                    return primary;
                }
            }
        }
        return "fi";
    }
}
