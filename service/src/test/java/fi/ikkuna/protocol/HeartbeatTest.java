package fi.ikkuna.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import fi.ikkuna.support.Backend;
import fi.ikkuna.support.CountyRules;
import fi.ikkuna.support.RawWs;
import fi.ikkuna.support.Resident;
import fi.ikkuna.support.ServiceTest;
import fi.ikkuna.support.TestServer;
import org.junit.jupiter.api.Test;

/** H1: pings keep an idle but live client connected; a peer that never answers is cut off with 4408. */
class HeartbeatTest extends ServiceTest {

    @Override
    protected Map<String, String> config() {
        return Map.of("ikkuna.ws.heartbeat-interval-seconds", "1",
                "ikkuna.ws.heartbeat-timeout-seconds", "3", "ikkuna.rules.dir", CountyRules.coreOnly().toString());
    }

    @Test
    void silentPeerIsClosed() throws Exception {
        try (RawWs raw = new RawWs(server, "/ws/resident", null)) {
            assertTrue(raw.handshakeStatus().contains("101"));
            long started = System.nanoTime();
            int code = raw.awaitClose();
            long seconds = (System.nanoTime() - started) / 1_000_000_000L;
            assertEquals(Heartbeats.CLOSE_HEARTBEAT_TIMEOUT, code);
            assertTrue(seconds >= 2, "closed too early: " + seconds + " s");
        }
    }

    @Test
    void idleLiveClientStaysConnected() throws Exception {
        try (Resident r = Resident.start(server, "fi")) {
            Thread.sleep(6_000);
            assertFalse(r.ws.isClosed(), "a client answering pings must not be dropped");
            assertEquals(1, r.say("Vielä täällä").path("seq").asLong());
        }
    }
}
