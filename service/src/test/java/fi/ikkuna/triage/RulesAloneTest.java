package fi.ikkuna.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The workbench publishes a rule set only if its rules alone, without the second opinion that learnt these very
 * cases, call every labelled emergency of cases/ an emergency (DraftEvaluation.emergencyRecall). The rule files in
 * the repository must pass that gate themselves, or no editor could publish anything.
 */
class RulesAloneTest {
    @Test
    void everyLabelledEmergencyIsCaughtByTheRulesAlone() {
        RuleTriagePipeline p = TestRules.pipeline();
        List<String> missed = p.cases().stream()
                .filter(c -> c.expectUrgency() == Urgency.EMERGENCY && !p.triageByRules(c.contact()).emergency())
                .map(c -> c.id() + " (" + c.source() + ")").toList();
        assertEquals(List.of(), missed, "labelled emergencies only the second opinion catches");
    }
}
