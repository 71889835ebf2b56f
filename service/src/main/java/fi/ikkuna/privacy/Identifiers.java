package fi.ikkuna.privacy;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * Identifiers with a fixed shape: personal identity codes, e-mail addresses, bank accounts, phone numbers, car
 * registrations, street addresses, postcodes and other long numbers. Applied in this order, so a hetu or an
 * e-mail address is gone before the looser phone and number patterns look at what is left.
 */
final class Identifiers {
    // Century signs: + (1800s), - and since 2023 Y X W V U (1900s), A and since 2023 B C D E F (2000s). The check
    // character is not verified: a mistyped hetu identifies the resident just as well.
    private static final Pattern HETU = Pattern.compile(
            "(?<![\\p{L}\\d])(?:0[1-9]|[12]\\d|3[01])(?:0[1-9]|1[0-2])\\d{2}(?:\\s?[-+A-FU-Ya-fu-y]\\s?|\\s)\\d{3}[0-9A-Ya-y](?![\\p{L}\\d])");
    private static final Pattern EMAIL = Pattern.compile("[\\p{L}\\d._%+-]+@[\\p{L}\\d-]+(?:\\.[\\p{L}\\d-]+)+");
    private static final Pattern IBAN = Pattern.compile("(?<![\\p{L}\\d])[A-Z]{2}\\d{2}(?:\\s?[A-Z\\d]{4}){3,7}(?:\\s?[A-Z\\d]{1,3})?(?![\\p{L}\\d])");
    // International (+358 40 ..., 00358 ..., +358 (0)40 ...) or domestic with the leading 0 (040 ..., (09) ...), digits
    // grouped by single spaces or dashes. 112 and 116 117 have no leading 0 and stay: they are advice, not identifiers.
    private static final Pattern PHONE = Pattern.compile("(?<![\\p{L}\\d+])(?!\\d{1,2}-\\d{1,2}-\\d{2,4}(?!\\d))(?:(?:\\+|00)\\s?\\d{1,3}[\\s-]?(?:\\(0\\)\\s?)?\\d{1,4}"
            + "|\\(?0\\d{1,3}\\)?)(?:[\\s-]?\\d{2,5}){1,4}(?![\\d])");
    // Car registrations ("ABC-123"), but not virus types of the same shape.
    private static final Pattern PLATE = Pattern.compile("(?<![\\p{L}\\d-])(?!(?:HIV|HPV|HSV|RSV|CMV|EBV)-)[A-ZÅÄÖ]{2,3}-[1-9]\\d{0,2}(?![\\p{L}\\d-])");
    /** Finnish and Swedish street-name endings, with consonant-gradation stems ("katu", "kadulla"). */
    static final String STREET = "(?:katu|kadu|tie|kuja|polku|polu|tori|raitti|raiti|väylä|kaari|kaare|rinne|rintee|ranta|ranna|puisto"
            + "|aukio|piha|kulma|linja|portti|porti|kaarre|kaartee|laita|niitty|niity|mäki|mäe|lenkki|lenki|tanhua|kartano|vainio|pelto"
            + "|pello|kumpu|kummu|harju|kallio|gatan|gata|vägen|väg|gränd|gränden|stigen|stig|torget|allén|allé|backen|stranden|slingan"
            + "|kroken|gången|leden|bågen)";
    private static final String STREET_WORD = "\\p{Lu}\\p{Ll}*(?:-\\p{Lu}?\\p{Ll}+)*?" + STREET + "\\p{Ll}{0,4}";
    /** Street + house number, staircase letter, flat ("Koivukuja 3 B 12", "Storgatan 3", "Mannerheimintie 5 as 12", "5:ssä"). */
    private static final Pattern ADDRESS = Pattern.compile("(?<![\\p{L}])" + STREET_WORD + "\\s+\\d{1,4}(?:\\s?[a-hA-H](?!\\p{L}))?"
            + "(?:\\s?(?:as\\.?|bst\\.?|lgh\\.?|lh\\.?|asunto)?\\s?\\d{1,3}(?![\\d.,]\\d))?(?::\\p{Ll}+)?(?![\\p{L}\\d])");
    /** A street name without a number, inside a sentence (capitalised at the start it may be an ordinary compound). */
    private static final Pattern STREET_ALONE = Pattern.compile("(?<=[\\p{Ll}\\d,]\\s{1,3})" + STREET_WORD + "(?![\\p{L}])");
    private static final Pattern POSTCODE = Pattern.compile("(?<![\\p{L}\\d-])(?:FI-?)?\\d{5}(?=\\s+\\p{Lu}\\p{Ll})");
    private static final Pattern LONG_NUMBER = Pattern.compile("(?<![\\p{L}\\d])\\d{7,}(?!\\d)");

    private record Rule(Pattern pattern, String placeholder, Predicate<String> accept) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule(EMAIL, "[sähköposti]", m -> true),
            new Rule(HETU, "[hetu]", m -> true),
            new Rule(IBAN, "[tili]", m -> true),
            new Rule(PHONE, "[puhelin]", Identifiers::phoneLength),
            new Rule(PLATE, "[rekisteri]", m -> true),
            new Rule(ADDRESS, "[osoite]", m -> true),
            new Rule(STREET_ALONE, "[osoite]", m -> true),
            new Rule(POSTCODE, "[postinumero]", m -> true),
            new Rule(LONG_NUMBER, "[numero]", m -> true));

    private Identifiers() {
    }

    static String scrub(String text) {
        String out = text;
        for (Rule r : RULES) {
            out = r.pattern().matcher(out).replaceAll((MatchResult m) -> r.accept().test(m.group())
                    ? r.placeholder() : java.util.regex.Matcher.quoteReplacement(m.group()));
        }
        return out;
    }

    /** Finnish numbers have 7 to 12 digits with the leading 0, international ones up to 15; "09-15" is a time. */
    private static boolean phoneLength(String match) {
        long digits = match.chars().filter(Character::isDigit).count();
        boolean international = match.startsWith("+") || match.startsWith("00");
        return international ? digits >= 8 && digits <= 15 : digits >= 7 && digits <= 12;
    }
}
