package fi.ikkuna.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.ikkuna.triage.FiredRules;
import fi.ikkuna.triage.TestRules;
import fi.ikkuna.triage.TriageOutcome;
import fi.ikkuna.web.Json;
import org.junit.jupiter.api.Test;

/** The triage record a conversation stores (docs/triage.md, "Stored triage") and what of it the resident gets. */
class StoredTriageTest {

    @Test
    void theStoredRecordCarriesTheFiredListAndTheResidentFrameDoesNot() {
        TriageOutcome o = TestRules.chat("fi", "Vaimolla alkoi äsken äkkiä kova rintakipu ja hengästyttää vaikka makaa sohvalla");
        ObjectNode stored = Json.parseObject(Json.write(TriageStep.outcomeJson(o)));
        assertEquals(o.fired(), FiredRules.of(stored));
        assertEquals(2, stored.path(FiredRules.KEY).size(), stored.toString());
        ObjectNode frame = StateFrames.triage("c1", o);
        assertFalse(frame.has(FiredRules.KEY), "which rules fired, and where, is for professionals: " + frame);
        assertFalse(frame.has("explanation"), frame.toString());
    }
}
