package fi.ikkuna.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 12: "how do I book / cancel / renew" is answered by the FAQ at once in every language, even though it
 * is worded in the first person; the same question with a symptom written beside it still goes to a person.
 */
class AdminQuestionTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "fi|Miten varaan ajan terveysasemalle?|fi-ajanvaraus",
            "sv|Hur bokar jag en tid på hälsostationen?|sv-tidsbokning",
            "en|How do I book an appointment at the health centre?|en-booking",
    })
    void bookingQuestionIsAnswered(String lang, String text, String faq) {
        TriageOutcome o = TestRules.chat(lang, text);
        assertTrue(o.answered(), text + ": " + o.explanation());
        assertEquals(faq, o.faq().getFirst().id());
        assertEquals(Urgency.SELF_CARE, o.urgency());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "fi|Miten varaan ajan, kurkku on kipeä ja kuumetta 39",
            "en|How do I book an appointment, I have had a fever and cough for a week",
    })
    void withASymptomItGoesToAPerson(String lang, String text) {
        TriageOutcome o = TestRules.chat(lang, text);
        assertFalse(o.answered(), text + ": " + o.explanation());
    }
}
