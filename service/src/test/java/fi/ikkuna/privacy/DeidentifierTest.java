package fi.ikkuna.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import fi.ikkuna.triage.CaseDefinition;
import fi.ikkuna.triage.Contact;
import fi.ikkuna.triage.RuleTriagePipeline;
import fi.ikkuna.triage.TestRules;
import fi.ikkuna.triage.TriageOutcome;
import fi.ikkuna.triage.analysis.VoikkoMorphology;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The scrubber on small concrete texts, and the county's labelled cases still triaging the same once scrubbed. */
class DeidentifierTest {
    private static final Deidentifier SCRUB = Deidentifier.standard();

    @BeforeAll
    static void voikko() {
        assertTrue(VoikkoMorphology.shared().isPresent(), "libvoikko is required (apt-get install libvoikko1 voikko-fi)");
    }

    static String fi(String text) {
        return SCRUB.scrub(text, "fi");
    }

    @Test
    void identityCodesWithEveryCenturySign() {
        for (String hetu : List.of("131052-308T", "010190-123A", "131052+308T", "010101A123N", "010120B1234", "311299C123E",
                "010105D123F", "010110E123H", "010115F123J", "131052Y308T", "131052X308T", "131052W308T", "131052V308T",
                "131052U308T", "010190a123b", "010190 123A")) {
            assertEquals("hetu [hetu], kuumetta", fi("hetu " + hetu + ", kuumetta"), hetu);
        }
        assertEquals("soita 112 tai 116 117", fi("soita 112 tai 116 117"), "emergency and advice numbers are not identifiers");
    }

    @Test
    void phoneNumbersInFinnishAndInternationalForms() {
        for (String phone : List.of("0401234567", "040 123 4567", "040-123 4567", "040-1234567", "050 123 45 67", "+358 40 123 4567",
                "+358401234567", "+358 (0)40 123 4567", "00358 40 1234567", "(09) 123 4567", "09-123 4567", "017 123 456",
                "+46 70 123 45 67")) {
            assertEquals("numero [puhelin], soita", fi("numero " + phone + ", soita"), phone);
        }
        for (String kept : List.of("auki klo 8-16 ja 09-15", "kuume 39,5 astetta", "alkoi 1.2.2024", "alkoi 05-06-2024",
                "verenpaine 140/90", "10000 askelta", "20000 IU D-vitamiinia")) {
            assertEquals(kept, fi(kept));
        }
    }

    @Test
    void emailStreetAddressesPostcodesAndOtherNumbers() {
        assertEquals("kirjoita [sähköposti] tai [sähköposti]", fi("kirjoita matti.virtanen@example.fi tai liisa+x@posti.com"));
        assertEquals("asun [osoite], [postinumero] Helsinki", fi("asun Mannerheimintie 5 B 12, 00100 Helsinki"));
        assertEquals("asun [osoite] ja kaaduin", fi("asun Koivukuja 3 as 4 ja kaaduin"));
        assertEquals("kaaduin [osoite] eilen", fi("kaaduin Hämeenkadulla eilen"));
        assertEquals("vi bor på [osoite] i Esbo", SCRUB.scrub("vi bor på Storgatan 3 i Esbo", "sv"));
        assertEquals("tili [tili], asiakasnumero [numero]", fi("tili FI21 1234 5600 0007 85, asiakasnumero 12345678"));
        assertEquals("auto [rekisteri] kolaroi, COVID-19 ja HIV-1", fi("auto ABC-123 kolaroi, COVID-19 ja HIV-1"));
        assertEquals("Moottoritiellä oli kolari", fi("Moottoritiellä oli kolari"), "a capitalised compound at the start is no street");
    }

    @Test
    void finnishNamesByVoikkoWordClass() {
        assertEquals("Soitin [nimi] ja [nimi] eilen.", fi("Soitin Matille ja Ahmed:lle eilen."));
        assertEquals("[nimi] soitti. Anna lääkettä.", fi("Anna Korhonen soitti. Anna lääkettä."), "'Anna' is also 'give'");
        assertEquals("[nimi] ja [nimi] asuvat Lahdessa.", fi("Aleksis Kivi ja Pekka Lahti asuvat Lahdessa."),
                "a surname that is also a word or a place goes when it follows a first name; the town stays");
        assertEquals("[nimi] soitti eilen", fi("virtanen soitti eilen"), "a word that can only be a surname goes in lower case too");
        assertEquals("onni oli että tuuli tyyntyi", fi("onni oli että tuuli tyyntyi"), "lower-case words that are also names stay");
        assertEquals("Nimeni on [nimi].", fi("Nimeni on ahmed."));
        assertEquals("lääkäri [nimi] sanoi", fi("lääkäri Anna-Liisa Meri-Kukkonen sanoi"));
        assertEquals("otin Buranaa ja Panadolia, Parkinsonin tauti", fi("otin Buranaa ja Panadolia, Parkinsonin tauti"));
    }

    @Test
    void swedishAndEnglishNamesByCapitalisation() {
        assertEquals("Jag heter [nimi]. Min son [nimi] har feber.", SCRUB.scrub("Jag heter Erik Lindqvist. Min son Oskar har feber.", "sv"));
        assertEquals("My name is [nimi] and I took Panadol on Monday. My daughter [nimi] has fever.",
                SCRUB.scrub("My name is John O'Brien and I took Panadol on Monday. My daughter Emily has fever.", "en"));
        assertEquals("Fever since Tuesday, I'm worried", SCRUB.scrub("Fever since Tuesday, I'm worried", "en"));
    }

    /** Without Voikko the capitalisation heuristic still works inside a sentence; a name opening a sentence is then missed. */
    @Test
    void withoutVoikkoOnlyCapitalisationIsLeft() {
        Deidentifier plain = new Deidentifier(w -> List.of());
        assertEquals("Soitin eilen [nimi], hetu [hetu].", plain.scrub("Soitin eilen Matti Virtaselle, hetu 010190-123A.", "fi"));
        assertEquals("Matti soitti.", plain.scrub("Matti soitti.", "fi"), "the documented miss");
    }

    /**
     * Scrubbing must not take away what triage needs: every labelled case decides the same urgency, service and first
     * FAQ entry on its scrubbed text. (Measured: no labelled case text changes at all; 3 of the 602 blind-set texts
     * do, none changing its urgency or service: see docs/audit.md.)
     */
    @Test
    void labelledCasesTriageTheSameOnceScrubbed() {
        RuleTriagePipeline pipeline = TestRules.pipeline();
        List<String> differ = new ArrayList<>();
        int changed = 0;
        for (CaseDefinition c : pipeline.cases()) {
            Contact original = c.contact();
            String scrubbed = SCRUB.scrub(original.text(), original.language());
            if (scrubbed.equals(original.text())) {
                continue;
            }
            changed++;
            TriageOutcome before = pipeline.triage(original);
            TriageOutcome after = pipeline.triage(new Contact(scrubbed, original.language(), original.channel(), original.age(),
                    original.formType(), original.at()));
            if (before.urgency() != after.urgency() || !Objects.equals(before.service(), after.service())
                    || !Objects.equals(firstFaq(before), firstFaq(after))) {
                differ.add(c.id() + ": \"" + original.text() + "\" -> \"" + scrubbed + "\"");
            }
        }
        System.out.println("DeidentifierTest: " + changed + " of " + pipeline.cases().size() + " labelled case texts changed by scrubbing");
        assertTrue(differ.isEmpty(), "scrubbing changed triage: " + String.join("\n", differ));
    }

    private static String firstFaq(TriageOutcome o) {
        return o.faq().isEmpty() ? null : o.faq().getFirst().id();
    }
}
