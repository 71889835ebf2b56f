package fi.ikkuna.triage;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The mid-conversation safety screen must never miss an emergency the whole pipeline finds. */
class ScreenTest {
    @Test
    void screenFindsEveryEmergencyTheWholePipelineFindsAndNoFaq() {
        RuleTriagePipeline p = TestRules.pipeline();
        int emergencies = 0;
        for (CaseDefinition c : p.cases()) {
            TriageOutcome whole = p.triage(c.contact());
            TriageOutcome screen = p.screen(c.contact());
            if (whole.emergency()) {
                emergencies++;
                assertTrue(screen.emergency(), c.id() + " is an emergency for the pipeline but not for the screen");
                assertEquals(whole.safety(), screen.safety(), c.id() + ": the screen shows other guidance");
            }
            assertTrue(screen.faq().isEmpty(), c.id() + ": the screen searched the FAQ");
            assertTrue(!screen.answered(), c.id() + ": the screen answered from the FAQ");
        }
        assertTrue(emergencies >= 80, "expected the cases' emergencies, found " + emergencies);
    }

    @Test
    void screenOfAnOrdinaryQuestionIsNoEmergency() {
        RuleTriagePipeline p = TestRules.pipeline();
        TriageOutcome o = p.screen(new Contact("Miten voin perua hammaslääkäriajan?", "fi", Channel.CHAT, null, null,
                java.time.ZonedDateTime.parse("2026-11-23T09:15:00+02:00[Europe/Helsinki]")));
        assertTrue(!o.emergency());
        assertTrue(o.safety().isEmpty());
    }
}
