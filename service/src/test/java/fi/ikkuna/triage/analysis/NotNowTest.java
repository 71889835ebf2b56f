package fi.ikkuna.triage.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Questions about a condition's signs and distant-past events are blanked in their clause; what is happening now stays. */
class NotNowTest {
    private static final Negation FI = Denials.FI;
    private static final Negation SV = Denials.SV;
    private static final Negation EN = Denials.EN;

    @Test
    void questionsAboutSignsAreBlanked() {
        assertEquals("? Haluan tietää varmuuden vuoksi", Denials.squash(FI.mask("Mitkä on aivoinfarktin oireet? Haluan tietää varmuuden vuoksi")));
        assertEquals("?", Denials.squash(EN.mask("What are the signs of a stroke?")));
        assertEquals("?", Denials.squash(SV.mask("Vilka är tecknen på stroke?")));
        assertEquals("?", Denials.squash(FI.mask("Mistä tunnistaa sydänkohtauksen?")));
    }

    /** Residents leave the question mark out: an interrogative and a copula opening the sentence still ask. */
    @Test
    void aQuestionWithoutItsMarkIsStillAQuestion() {
        assertEquals(", luin että ne voi olla erilaisia",
                Denials.squash(FI.mask("mitkä on sydänkohtauksen oireet naisilla, luin että ne voi olla erilaisia")));
        assertEquals("", Denials.squash(EN.mask("what are the warning signs of sepsis in children")));
        assertEquals("", Denials.squash(SV.mask("vilka är symtomen på hjärtinfarkt")));
        // without the mark, a sentence that does not open with "interrogative + copula" is not taken for a question
        for (String s : List.of("mitkä oireet isällä, rintaa puristaa", "what signs he has now: chest pain and sweating",
                "isä kysyy mitkä on infarktin oireet kun rintaa puristaa")) {
            assertEquals(s, FI.mask(s).equals(s) && EN.mask(s).equals(s) ? s : "masked: " + s);
        }
    }

    @Test
    void whatHappensNowStaysBesideAQuestion() {
        assertEquals(", my dad can't lift his arm?", Denials.squash(EN.mask("What are the signs of a stroke, my dad can't lift his arm?")));
        assertEquals("? Isän suupieli roikkuu", Denials.squash(FI.mask("Mitkä ovat aivoinfarktin oireet? Isän suupieli roikkuu")));
        assertEquals("kun isällä puristaa rintaa?", Denials.squash(FI.mask("Mistä tunnistaa sydänkohtauksen kun isällä puristaa rintaa?")));
        // not a question about signs: a worried question about what is happening is kept whole
        for (String s : List.of("Onko tämä aivoinfarkti, suupieli roikkuu?", "Mitä teen, isä ei herää?",
                "What do I do, my wife is not breathing?", "Vad ska jag göra, min man har tecken på stroke?",
                "Mitkä oireet, isällä on rintakipua.")) {
            assertEquals(s, FI.mask(s).equals(s) && SV.mask(s).equals(s) && EN.mask(s).equals(s) ? s : "masked: " + s);
        }
    }

    @Test
    void distantPastIsBlankedButNotWhatContinuesOrWhatWasRecent() {
        assertEquals("ja neurologi tutki, nyt kysyisin jatkoajasta",
                Denials.squash(FI.mask("Kouristelin viime kuussa ensimmäistä kertaa ja neurologi tutki, nyt kysyisin jatkoajasta")));
        assertEquals("but they settled", Denials.squash(EN.mask("Had some chest pains last spring but they settled")));
        assertEquals("och nu vill jag ha en kontroll", Denials.squash(SV.mask("Jag hade bröstsmärtor förra året och nu vill jag ha en kontroll")));
        for (String s : List.of("Viime kuussa alkanut rintakipu jatkuu yhä", "Since last year I get chest pain, now it is crushing",
                "Eilen alkoi rintakipu", "I had chest pain yesterday", "Isä sai aivoinfarktin vuosi sitten ja nyt taas puhe sammaltaa")) {
            String masked = FI.mask(s).equals(s) ? EN.mask(s) : FI.mask(s);
            assertTrue(masked.contains("rintakipu") || masked.contains("chest pain") || masked.contains("puhe sammaltaa"), masked);
        }
    }

    /** Any red flag after a not-now clause, joined by any clause boundary, survives the mask. Seed printed. */
    @Test
    void aRedFlagInItsOwnClauseAlwaysSurvives() {
        long seed = Long.getLong("ikkuna.test.seed", System.nanoTime());
        System.out.println("NotNowTest seed " + seed);
        Random rnd = new Random(seed);
        List<String> notNow = List.of("Mitkä ovat sepsiksen oireet", "Mistä tunnistaa aivoinfarktin", "Viime vuonna oli infarkti",
                "Vuosi sitten kouristelin", "Lapsena minulla oli astma");
        List<String> joins = List.of(", ", "? ", ". ", " mutta ", " ja ", " kun ", "! ", "\n");
        List<String> flags = List.of("isä ei saa henkeä", "äidin suupieli roikkuu", "rintaa puristaa kovasti", "lapsi kouristelee",
                "vuotaa verta runsaasti");
        for (int i = 0; i < 500; i++) {
            String flag = flags.get(rnd.nextInt(flags.size()));
            String text = notNow.get(rnd.nextInt(notNow.size())) + joins.get(rnd.nextInt(joins.size())) + flag
                    + (rnd.nextBoolean() ? "?" : "");
            assertTrue(FI.mask(text).contains(flag), "seed " + seed + ": '" + text + "' lost its red flag: '" + FI.mask(text) + "'");
        }
    }
}
