package fi.ikkuna.triage;

import fi.ikkuna.triage.analysis.Analyzers;
import fi.ikkuna.triage.analysis.VoikkoMorphology;
import fi.ikkuna.triage.rules.RuleMatcher;
import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

class AnalyzerTest {

    /** CI installs libvoikko1 and voikko-fi; a missing library must fail here, not be skipped. */
    static VoikkoMorphology voikko() {
        return VoikkoMorphology.shared().orElseThrow(() -> new AssertionError(
                "libvoikko not available: apt-get install -y libvoikko1 voikko-fi"));
    }

    @Test
    void printsTerms() {
        Analyzer a = Analyzers.finnishVoikko(voikko(), true, Map.of());
        for (String s : List.of("hammaslääkäriajan", "reseptinuusinta", "reseptin uusiminen", "pelastuslaitokselle", "kuumetta", "rintaa puristaa", "pelastuslaitos", "reseptin uusiminen", "toimeentulotukihakemuksen", "koronarokotuksen")) {
            System.out.println(s + " -> " + RuleMatcher.terms(a, s));
        }
        assertTrue(RuleMatcher.terms(a, "hammaslääkäriajan").contains("hammaslääkäriaika"));
    }
}
