package fi.ikkuna.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import fi.ikkuna.support.CountyRules;
import fi.ikkuna.support.RawWs;
import fi.ikkuna.support.Resident;
import fi.ikkuna.support.ServiceTest;
import org.junit.jupiter.api.Test;

/** Issue 13.2: a socket that never says hello is closed (4401) after the hello timeout; one that did stays. */
class HelloTimeoutTest extends ServiceTest {

    @Override
    protected Map<String, String> config() {
        // Heartbeats far away, so only the hello timeout can close the silent socket.
        return Map.of("ikkuna.ws.hello-timeout-seconds", "1", "ikkuna.ws.heartbeat-interval-seconds", "30",
                "ikkuna.ws.heartbeat-timeout-seconds", "120", "ikkuna.rules.dir", CountyRules.coreOnly().toString());
    }

    @Test
    void socketWithoutHelloIsClosed() throws Exception {
        try (RawWs raw = new RawWs(server, "/ws/resident", null)) {
            assertTrue(raw.handshakeStatus().contains("101"));
            long started = System.nanoTime();
            assertEquals(Heartbeats.CLOSE_HELLO_TIMEOUT, raw.awaitClose());
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertTrue(millis >= 900, "closed too early: " + millis + " ms");
        }
    }

    @Test
    void greetedSocketOutlivesTheHelloTimeout() throws Exception {
        try (Resident r = Resident.start(server, "fi")) {
            Thread.sleep(2_500);
            assertFalse(r.ws.isClosed(), "a socket that said hello must not be closed by the hello timeout");
            assertEquals(1, r.say("Vielä täällä").path("seq").asLong());
        }
    }
}
