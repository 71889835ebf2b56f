package fi.ikkuna.privacy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import fi.ikkuna.triage.CaseDefinition;
import fi.ikkuna.triage.TestRules;
import org.junit.jupiter.api.Test;

/**
 * Random identity codes, phone numbers, e-mail and street addresses and names written into the county's labelled
 * symptom texts: none survives, and the symptom text is scrubbed exactly as it is on its own (so it triages as
 * DeidentifierTest checks). Re-run a failure with {@code -Ddeid.seed=<printed seed>}; {@code -Ddeid.iterations} (400) for a longer run.
 */
class DeidentifierRandomTest {
    private static final String CHECK = "0123456789ABCDEFHJKLMNPRSTUVWXY";
    private static final List<String> FIRST = List.of("Matti", "Juha", "Pekka", "Mikko", "Timo", "Antti", "Sari", "Tiina", "Päivi",
            "Leena", "Helena", "Johanna", "Minna", "Elina", "Aino", "Eeva", "Anna-Liisa", "Erik", "Lars", "Johan", "Anders", "Karin",
            "Maria", "Kristina", "John", "Mary", "Emily", "Ahmed", "Fatima", "Hassan", "Olena", "Dmitri");
    private static final List<String> LAST = List.of("Virtanen", "Korhonen", "Mäkinen", "Hämäläinen", "Laine", "Koskinen", "Heikkinen",
            "Järvinen", "Lehtonen", "Ahonen", "Kivi", "Salo", "Nieminen", "Lahtinen", "Lindqvist", "Andersson", "Johansson", "Nyström",
            "Smith", "Brown", "Ali", "Mohamed", "Ivanova", "Meri-Kukkonen");
    private static final List<String> STREETS = List.of("Koivukatu", "Kuusitie", "Mäntykuja", "Hämeenkatu", "Kauppakatu", "Rautatienkatu",
            "Rantapolku", "Kirkkoraitti", "Mannerheimintie", "Sibeliuksenkatu", "Puistokaari", "Vanhatie", "Satamaväylä", "Kalliorinne",
            "Storgatan", "Kyrkovägen", "Skolgränd", "Strandstigen", "Nylandsgatan");
    private static final List<String> FLATS = List.of("", " A", " B 12", " as 4", " C 23", " A 1", " lh 7");
    private static final List<String> CITIES = List.of("Helsinki", "Espoo", "Vantaa", "Tampere", "Porvoo", "Helsingfors");
    private static final List<String> PREFIXES = List.of("040", "041", "044", "045", "046", "050", "09", "02", "03", "013", "017", "019");

    private record Personal(String sentence, List<String> secrets) {
    }

    @Test
    void randomIdentifiersInSymptomTextAreAlwaysRemoved() {
        long seed = Long.getLong("ikkuna.test.seed", Long.getLong("deid.seed", System.nanoTime()));
        System.out.println("DeidentifierRandomTest seed " + seed + " (-Ddeid.seed=" + seed + " repeats it)");
        Random rnd = new Random(seed);
        List<CaseDefinition> cases = TestRules.pipeline().cases();
        Deidentifier scrub = Deidentifier.standard();
        for (int i = 0, n = Integer.getInteger("deid.iterations", 400); i < n; i++) {
            CaseDefinition c = cases.get(rnd.nextInt(cases.size()));
            String lang = c.contact().language();
            String symptom = c.contact().text().strip().matches("(?s).*[.!?]$") ? c.contact().text().strip() : c.contact().text().strip() + ".";
            Personal p = personal(rnd, lang);
            boolean before = rnd.nextBoolean();
            String text = before ? p.sentence() + " " + symptom : symptom + " " + p.sentence();
            String out = scrub.scrub(text, lang);
            String kept = scrub.scrub(symptom, lang);
            String where = "seed " + seed + ", case " + c.id() + ": \"" + text + "\" -> \"" + out + "\"";
            assertTrue(before ? out.endsWith(" " + kept) : out.startsWith(kept + " "), "symptom text changed: " + where);
            String rest = before ? out.substring(0, out.length() - kept.length()) : out.substring(kept.length());
            for (String secret : p.secrets()) {
                assertFalse(Pattern.compile("(?<![\\p{L}\\d])" + Pattern.quote(secret) + "(?![\\p{L}\\d])").matcher(rest).find(),
                        "'" + secret + "' survived: " + where);
            }
        }
    }

    private static Personal personal(Random rnd, String lang) {
        String first = pick(rnd, FIRST), last = pick(rnd, LAST), hetu = hetu(rnd), phone = phone(rnd);
        String email = ascii(first) + "." + ascii(last) + rnd.nextInt(100) + "@" + pick(rnd, List.of("example.fi", "posti.fi", "gmail.com"));
        String street = pick(rnd, STREETS);
        String postcode = String.format("%05d", rnd.nextInt(100_000));
        String address = street + " " + (1 + rnd.nextInt(150)) + pick(rnd, FLATS) + ", " + postcode + " " + pick(rnd, CITIES);
        String sentence = switch (lang + rnd.nextInt(3)) {
            case "fi0" -> "Olen " + first + " " + last + ", hetu " + hetu + ", puhelin " + phone + ".";
            case "fi1" -> "Yhteyshenkilö on " + first + " " + last + ", numero " + phone + ", sähköposti " + email + ".";
            case "fi2" -> "Asun osoitteessa " + address + ", hetuni on " + hetu + ".";
            case "sv0" -> "Jag heter " + first + " " + last + ", personbeteckning " + hetu + ", ring " + phone + ".";
            case "sv1" -> "Kontakta " + first + " " + last + " på " + email + " eller " + phone + ".";
            case "sv2" -> "Jag bor på " + address + ".";
            case "en0" -> "My name is " + first + " " + last + ", ID " + hetu + ", call " + phone + ".";
            case "en1" -> "Please contact " + first + " " + last + " at " + email + " or " + phone + ".";
            default -> "I live at " + address + ".";
        };
        List<String> parts = new java.util.ArrayList<>(List.of(first, last, hetu, phone, email, street, postcode));
        parts.add(phone.replaceAll("\\D", ""));
        return new Personal(sentence, parts.stream().filter(sentence::contains).toList());
    }

    /** A valid hetu: any date 1850-2023 with a century sign of its century (including the 2023 ones) and its check character. */
    static String hetu(Random rnd) {
        int year = 1850 + rnd.nextInt(174);
        int month = 1 + rnd.nextInt(12), day = 1 + rnd.nextInt(28), individual = 2 + rnd.nextInt(898);
        String sign = year < 1900 ? "+" : year < 2000 ? pick(rnd, List.of("-", "Y", "X", "W", "V", "U")) : pick(rnd, List.of("A", "B", "C", "D", "E", "F"));
        String digits = String.format("%02d%02d%02d", day, month, year % 100);
        int check = (int) (Long.parseLong(digits + String.format("%03d", individual)) % 31);
        return digits + sign + String.format("%03d", individual) + CHECK.charAt(check);
    }

    static String phone(Random rnd) {
        String prefix = pick(rnd, PREFIXES);
        String number = String.valueOf(1_000_000 + rnd.nextInt(9_000_000));
        String a = number.substring(0, 3), b = number.substring(3);
        return switch (rnd.nextInt(8)) {
            case 0 -> prefix + number;
            case 1 -> prefix + " " + a + " " + b;
            case 2 -> prefix + "-" + a + " " + b;
            case 3 -> prefix + "-" + number;
            case 4 -> "+358 " + prefix.substring(1) + " " + a + " " + b;
            case 5 -> "+358" + prefix.substring(1) + number;
            case 6 -> "(" + prefix + ") " + a + " " + b.substring(0, 2) + " " + b.substring(2);
            default -> "00358 " + prefix.substring(1) + " " + number;
        };
    }

    private static String ascii(String s) {
        return s.toLowerCase(java.util.Locale.ROOT).replace('ä', 'a').replace('ö', 'o').replace('å', 'a');
    }

    private static <T> T pick(Random rnd, List<T> list) {
        return list.get(rnd.nextInt(list.size()));
    }
}
