package fi.ikkuna.triage;

import fi.ikkuna.triage.analysis.AnalysisVariant;
import org.junit.jupiter.api.Test;

import java.time.ZonedDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;

class VoikkoFallbackTest {

    @Test
    void withoutVoikkoTheSnowballChainServesAndRedFlagsStillFire() {
        System.setProperty("ikkuna.voikko.disabled", "true");
        try {
            RuleTriagePipeline p = RuleTriagePipeline.load(TestRules.dir(), TestRules.HELSINKI);
            assertEquals(AnalysisVariant.STOCK_SYNONYMS, p.ruleSet().analysis().finnish());
            TriageOutcome o = p.triage(new Contact("Rintakipu ja hikoilua", "fi", Channel.CHAT, 60, null,
                    ZonedDateTime.parse("2026-11-23T09:15:00+02:00")));
            assertEquals(Urgency.EMERGENCY, o.urgency(), o.explanation().toString());
        } finally {
            System.clearProperty("ikkuna.voikko.disabled");
        }
    }
}
