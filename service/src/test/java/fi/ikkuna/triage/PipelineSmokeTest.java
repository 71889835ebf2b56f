package fi.ikkuna.triage;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PipelineSmokeTest {
    static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");

    static Path rulesDir() {
        return Path.of(System.getProperty("ikkuna.rules.dir", "../triage-rules"));
    }

    @Test
    void chestPainIsAnEmergency() {
        RuleTriagePipeline p = RuleTriagePipeline.load(rulesDir(), HELSINKI);
        assertTrue(p.ready());
        TriageOutcome o = p.triage(new Contact("Rintaa puristaa kovasti", "fi", Channel.CHAT, 60, null,
                ZonedDateTime.parse("2026-11-23T09:15:00+02:00")));
        assertEquals(Urgency.EMERGENCY, o.urgency(), o.explanation().toString());
        assertEquals("chest-pain", o.safety().getFirst().rule());
        assertEquals(11, p.queues().size());
    }
}
