package fi.ikkuna.privacy;

import java.util.List;
import java.util.function.Function;

import fi.ikkuna.triage.analysis.VoikkoMorphology;

/**
 * De-identifies free text for readers who need what a contact was about but not who wrote it (rules editors):
 * identity codes, phone numbers, e-mail and street addresses, postcodes, accounts, car registrations and long
 * numbers become placeholders ({@code [hetu]}, {@code [puhelin]}, {@code [osoite]}, ...), personal names {@code [nimi]}.
 * Symptom words are kept, so the scrubbed text still triages like the original (DeidentifierTest). This is a
 * best effort over free text, not anonymisation: what it misses is listed in docs/audit.md, and the original is
 * read only through the access-logged conversation path.
 */
public final class Deidentifier {
    private static volatile Deidentifier standard;
    private final PersonNames names;

    Deidentifier(Function<String, List<String>> wordClasses) {
        this.names = new PersonNames(wordClasses, CommonWords.load());
    }

    /** The process-wide scrubber, with Voikko's word classes when the library is installed. */
    public static Deidentifier standard() {
        if (standard == null) {
            synchronized (Deidentifier.class) {
                if (standard == null) {
                    standard = new Deidentifier(VoikkoMorphology.shared()
                            .<Function<String, List<String>>>map(v -> w -> v.analyze(w).classes()).orElse(w -> List.of()));
                }
            }
        }
        return standard;
    }

    /** {@code text} with identifiers and names replaced; {@code language} (fi, sv, en) selects how names are told apart. */
    public String scrub(String text, String language) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        return names.scrub(Identifiers.scrub(text), language);
    }
}
