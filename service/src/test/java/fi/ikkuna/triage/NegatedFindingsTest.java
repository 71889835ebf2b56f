package fi.ikkuna.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 12's live defects through the whole pipeline: a denied red flag raises no emergency and no 112
 * guidance, in fi, sv and en, while the same finding stated raises it.
 */
class NegatedFindingsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "fi|Ei ole hengitysvaikeuksia, kuume 38,2",
            "fi|ei rintakipua, yskä on jatkunut viikon",
            "fi|Ei rintakipua eikä hengenahdistusta, mutta yskä jatkuu",
            "fi|isä ei herää aamulla ajoissa",
            "sv|Inga andningssvårigheter, feber 38,2",
            "sv|ingen bröstsmärta, hostan har hållit i en vecka",
            "en|No breathing difficulties, fever 38.2",
            "en|no chest pain, the cough has lasted a week",
    })
    void denialRaisesNothing(String lang, String text) {
        TriageOutcome o = TestRules.chat(lang, text);
        assertNotEquals(Urgency.EMERGENCY, o.urgency(), text + ": " + o.explanation());
        assertTrue(o.safety().isEmpty(), text + ": " + o.safety());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "fi|On hengitysvaikeuksia, kuume 38,2",
            "fi|kova rintakipu",
            "fi|Ei saa henkeä",
            "fi|isä ei herää vaikka ravistelen",
            "sv|Svåra andningssvårigheter",
            "en|I have severe breathing difficulties",
            "en|crushing chest pain",
    })
    void statedFindingStillRaisesTheFlag(String lang, String text) {
        assertEquals(Urgency.EMERGENCY, TestRules.chat(lang, text).urgency(), text);
    }
}
