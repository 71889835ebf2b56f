package fi.ikkuna.triage.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Denied findings are blanked in their clause only; negated actions and denied signs of life stay. */
class NegationTest {
    private static final Negation FI = Denials.FI;
    private static final Negation SV = Denials.SV;
    private static final Negation EN = Denials.EN;

    @Test
    void finnishDenialsAreBlankedUpToTheClauseEnd() {
        assertEquals("Ei ole , kuume 38,2", Denials.squash(FI.mask("Ei ole hengitysvaikeuksia, kuume 38,2")));
        assertEquals("Ei", Denials.squash(FI.mask("Ei rintakipua")));
        assertEquals("Ei eikä , mutta yskä jatkuu", Denials.squash(FI.mask("Ei rintakipua eikä hengenahdistusta, mutta yskä jatkuu")));
        assertEquals("minulla ei ole ollut", Denials.squash(FI.mask("minulla ei ole ollut kuumetta")));
        assertEquals("En ole", Denials.squash(FI.mask("En ole itsetuhoinen")));
        assertEquals("mutta rintaan sattuu ja ei ole", Denials.squash(FI.mask("mutta rintaan sattuu ja ei ole kuumetta")));
    }

    @Test
    void finnishNegatedActionsAndSignsOfLifeStay() {
        for (String s : List.of("ei saa henkeä", "isä ei herää", "vauva ei hengitä", "hän ei ole herännyt aamulla",
                "ei ole tajuissaan", "ei hengitystä eikä pulssia", "en pysty hengittämään", "ei vastaa puhutteluun",
                "vauva ei juuri hengitä", "isä ei enää kunnolla herää")) {
            assertEquals(s, FI.mask(s), s);
        }
    }

    /** "not suicidal" is a denial of a state; "not breathing", "not waking up" stay findings. */
    @Test
    void aDeniedStateAdjective() {
        assertEquals("been feeling low for months, not , just want to talk",
                Denials.squash(EN.mask("been feeling low for months, not suicidal, just want to talk")));
        assertEquals("I am not feeling", Denials.squash(EN.mask("I am not feeling suicidal")));
        assertEquals("hon är inte , men har feber", Denials.squash(SV.mask("hon är inte förvirrad, men har feber")));
        for (String s : List.of("he is not breathing", "she is not waking up", "not responding at all", "hon vaknar inte",
                "not suicidal but he is not breathing")) {
            assertTrue(EN.mask(s).contains(s.contains("breathing") ? "not breathing" : s.split(" ", 2)[0]), s);
        }
        assertEquals("not , he is not breathing", Denials.squash(EN.mask("not suicidal, he is not breathing")));
    }

    @Test
    void swedishAndEnglishDenials() {
        assertEquals("Inga , men hög feber", Denials.squash(SV.mask("Inga andningssvårigheter, men hög feber")));
        assertEquals("jag har inte", Denials.squash(SV.mask("jag har inte ont i bröstet")));
        assertEquals("han har inte vaknat", SV.mask("han har inte vaknat"));
        assertEquals("ingen andning", SV.mask("ingen andning"));
        assertEquals("no , fever 38.2", Denials.squash(EN.mask("no breathing problems, fever 38.2")));
        assertEquals("I don't have", Denials.squash(EN.mask("I don't have chest pain")));
        assertEquals("no pulse and not breathing", EN.mask("no pulse and not breathing"));
        assertEquals("he is no longer breathing", EN.mask("he is no longer breathing"));
    }

    /**
     * Random clauses around a denial: the mask never changes the length, never touches a character before the
     * trigger or after the clause's end, and only ever turns characters into spaces.
     */
    @Test
    void randomizedMaskOnlyBlanksInsideTheDeniedClause() {
        long seed = Long.getLong("ikkuna.test.seed", System.nanoTime());
        System.out.println("NegationTest seed " + seed);
        Random r = new Random(seed);
        List<String> words = List.of("kipu", "rintakipua", "kuumetta", "yskä", "sattuu", "päähän", "hengenahdistusta", "lapsi",
                "ja", "mutta", "ei", "ole", "eikä", "ilman", "saa", "henkeä", ",", ".", "!", "no", "chest", "pain", "without");
        for (int round = 0; round < 2000; round++) {
            StringBuilder b = new StringBuilder();
            int n = 1 + r.nextInt(12);
            for (int i = 0; i < n; i++) {
                b.append(words.get(r.nextInt(words.size()))).append(r.nextBoolean() ? " " : "  ");
            }
            String before = "Rintaan sattuu. ";
            String text = before + b;
            for (Negation neg : List.of(FI, SV, EN)) {
                String masked = neg.mask(text);
                assertEquals(text.length(), masked.length(), "seed " + seed + ": " + text);
                assertTrue(masked.startsWith(before), "seed " + seed + ": text before any trigger changed: " + text);
                for (int i = 0; i < text.length(); i++) {
                    char c = masked.charAt(i);
                    assertTrue(c == text.charAt(i) || c == ' ', "seed " + seed + ": " + text + " -> " + masked);
                }
            }
        }
    }

    /** Issue 12 (blind batch 2): the denied noun before "ei ole", symptom verbs and reported findings are denials too. */
    @Test
    void finnishDenialsInOtherOrders() {
        assertEquals("Palovaroitin piippaa, ei ole missään.", Denials.squash(FI.mask("Palovaroitin piippaa, savua ei ole missään.")));
        assertEquals("kuume 38, ei , syö", Denials.squash(FI.mask("kuume 38, ei kouristele, syö")));
        assertEquals("Ei ole uhkaava eikä puhu , mutta ei nuku", Denials.squash(FI.mask("Ei ole uhkaava eikä puhu itsensä vahingoittamisesta, mutta ei nuku")));
        for (String s : List.of("hengitystä ei ole", "isä ei puhu mitään", "ei pysty puhumaan", "vuoto ei lopu")) {
            assertEquals(s, FI.mask(s), s);
        }
    }

    @Test
    void swedishLackOfStrengthIsAFinding() {
        assertEquals("Jag har plötsligt ingen kraft i höger arm", SV.mask("Jag har plötsligt ingen kraft i höger arm"));
    }
}
