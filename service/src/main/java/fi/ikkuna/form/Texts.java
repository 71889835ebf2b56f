package fi.ikkuna.form;

import java.util.Map;

/**
 * A text in the three languages of the county. Definitions must give all three, so picking one never
 * falls back silently; an unknown language asks for Finnish, the county's main language.
 */
public record Texts(Map<String, String> byLanguage) {

    public String in(String language) {
        String t = byLanguage.get(language);
        return t != null ? t : byLanguage.get("fi");
    }

    public static Texts of(String fi, String sv, String en) {
        return new Texts(Map.of("fi", fi, "sv", sv, "en", en));
    }
}
