package fi.ikkuna.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.ikkuna.support.Backend;
import fi.ikkuna.support.Resident;
import fi.ikkuna.support.TestServer;
import org.junit.jupiter.api.Test;

/**
 * While no rule set loads, contacts still reach a person through the default queue: the first message and
 * every follow-up are acknowledged and stored (issue 15.4: the follow-up's safety screen used to throw,
 * answering "internal").
 */
class NoRulesFallbackTest {

    @Test
    void followUpsAreAcknowledgedWithoutRules() throws Exception {
        Path empty = Files.createTempDirectory("ikkuna-no-rules");
        try (Backend db = Backend.h2(); TestServer server = new TestServer(db, Map.of("ikkuna.rules.dir", empty.toString()));
             Resident r = Resident.start(server, "fi")) {
            ObjectNode first = r.say("Hei, kysyisin laskusta");
            assertEquals(1, first.path("seq").asLong(), first.toString());
            ObjectNode queued = r.ws.await("queue");
            assertEquals("general", queued.path("queue").asText());
            ObjectNode second = r.say("Lisäksi yksi asia");
            assertTrue(second.path("seq").asLong() > 1, second.toString());
        }
    }
}
