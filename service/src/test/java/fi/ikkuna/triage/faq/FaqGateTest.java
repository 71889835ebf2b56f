package fi.ikkuna.triage.faq;

import fi.ikkuna.triage.RuleLoadException;
import fi.ikkuna.triage.RuleTriagePipeline;
import fi.ikkuna.triage.TestRules;
import fi.ikkuna.triage.TriageOutcome;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The auto-answer gate (settings.yaml faq.answer_min_*): a high score and a clear lead are not enough, the best
 * entry must also contain most of what the resident wrote; written words the entry lacks keep it a suggestion.
 */
class FaqGateTest {
    private static final String BOOKING = "Miten varaan ajan terveysasemalle?";

    @Test
    void coverageIsTheShareOfContentWordsTheEntryContains() {
        FaqIndex faq = TestRules.pipeline().ruleSet().faq();
        FaqResult plain = faq.search(BOOKING, "fi", 5);
        assertEquals("fi-ajanvaraus", plain.hits().getFirst().id());
        assertEquals(1.0, plain.coverage(), 1e-9, "varaan, ajan, terveysasemalle are all in the entry ('miten' is a question word)");
        FaqResult padded = faq.search(BOOKING + " zorblat quixen", "fi", 5);
        assertEquals("fi-ajanvaraus", padded.hits().getFirst().id());
        assertEquals(0.6, padded.coverage(), 1e-9, "3 of 5 content words");
    }

    @Test
    void aStrongMatchThatLeavesMostWordsUncoveredIsNotAnswered() {
        TriageOutcome asked = TestRules.chat("fi", BOOKING);
        assertTrue(asked.answered(), asked.explanation().toString());
        // the same entry stays first and far ahead, but most of the message is about something the FAQ lacks
        TriageOutcome padded = TestRules.chat("fi", BOOKING + " zorblat quixen vrumpel snavik plorrin");
        assertEquals("fi-ajanvaraus", padded.faq().getFirst().id());
        assertTrue(padded.faq().getFirst().score() >= TestRules.pipeline().ruleSet().settings().answerMinScore());
        assertFalse(padded.answered(), padded.explanation().toString());
        assertTrue(padded.explanation().stream().anyMatch(e -> e.contains("covers 38 % of the words")), padded.explanation().toString());
    }

    @Test
    void coverageOutsideZeroToOneIsRejectedWithItsLine() throws IOException {
        Path dir = TestRules.copyTo(Files.createTempDirectory("ikkuna-faq-gate"));
        Path settings = dir.resolve("settings.yaml");
        Files.writeString(settings, Files.readString(settings).replaceFirst("answer_min_coverage: [0-9.]+", "answer_min_coverage: 1.5"));
        RuleLoadException e = assertThrows(RuleLoadException.class, () -> RuleTriagePipeline.load(dir, TestRules.HELSINKI));
        assertTrue(e.getMessage().contains("settings.yaml") && e.getMessage().contains("answer_min_coverage must be between 0 and 1"),
                e.getMessage());
    }
}
