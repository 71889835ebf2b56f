package fi.ikkuna.triage.analysis;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Issue 12: a nominalised or derived form finds the word a rule is written with (kouristelu → kouristaa). */
class DerivationFamilyTest {

    @Test
    void derivationSuffixesGiveTheirLemmas() {
        assertTrue(VoikkoMorphology.derivationBases("+taju(taju)+ttomu(+ton)+us(+us)").contains("tajuton"));
        assertTrue(VoikkoMorphology.derivationBases("+kouristel(kouristaa)(+la)+u(+u)").contains("kouristella"));
        assertTrue(VoikkoMorphology.derivationBases("+oksen(oksentaa)tel(+nella)+u(+u)").contains("oksennella"));
    }

    @Test
    void aSingleDerivedWordKeepsItsFamily() {
        VoikkoMorphology v = VoikkoMorphology.shared().orElseThrow(
                () -> new AssertionError("libvoikko is required (apt-get install libvoikko1 voikko-fi)"));
        for (List<String> wordAndFamily : List.of(List.of("kouristelua", "kouristaa"), List.of("tajuttomuus", "tajuton"),
                List.of("sekavuutta", "sekava"), List.of("huimausta", "huimata"))) {
            Morphology m = v.analyze(wordAndFamily.get(0));
            assertTrue(m.parts().contains(wordAndFamily.get(1)) || m.baseForms().contains(wordAndFamily.get(1)),
                    wordAndFamily + " -> " + m);
        }
    }
}
