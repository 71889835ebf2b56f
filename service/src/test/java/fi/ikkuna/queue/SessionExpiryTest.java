package fi.ikkuna.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import fi.ikkuna.support.Pro;
import fi.ikkuna.support.ServiceTest;
import fi.ikkuna.support.WsTestClient;
import fi.ikkuna.web.Json;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Issue 13.9: an open professional socket ends with its session. Sign-out already closed it
 * ({@code ConsoleApiTest}); expiry did not, because nothing looked at the session again after the handshake.
 * Sessions here last 3 s; the tests wait for the close (at most 10 s), they do not sleep for it.
 */
class SessionExpiryTest {
    private static final String LIFETIME_MINUTES = "0.05";

    /** The sweep closes a socket that sends nothing (a console left open overnight). */
    @Nested
    class Sweep extends ServiceTest {
        @Override
        protected Map<String, String> config() {
            return Map.of("ikkuna.auth.session-minutes", LIFETIME_MINUTES, "ikkuna.auth.session-sweep-ms", "200");
        }

        @Test
        void anIdleSocketIsClosedWhenItsSessionExpires() {
            Pro nurse = Pro.login(server, "hoitaja", "hoitaja-demo");
            try (WsTestClient ws = nurse.connect()) {
                assertEquals(SignedInConnections.CLOSE_SIGNED_OUT, ws.awaitClose());
            }
            assertEquals(401, nurse.get("/api/auth/me").statusCode(), "the session itself is gone");
        }
    }

    /** Between sweeps, a frame on an expired session closes the socket instead of being handled. */
    @Nested
    class OnFrame extends ServiceTest {
        @Override
        protected Map<String, String> config() {
            return Map.of("ikkuna.auth.session-minutes", LIFETIME_MINUTES, "ikkuna.auth.session-sweep-ms", "600000");
        }

        @Test
        void aFrameOnAnExpiredSessionClosesTheSocket() throws InterruptedException {
            Pro nurse = Pro.login(server, "hoitaja", "hoitaja-demo");
            try (WsTestClient ws = nurse.connect()) {
                long deadline = System.nanoTime() + WsTestClient.WAIT.toNanos();
                while (!ws.isClosed() && System.nanoTime() < deadline) {
                    try {
                        ws.sendRaw(Json.write(Json.object().put("type", "ping")));
                    } catch (RuntimeException closedMeanwhile) {
                        break;
                    }
                    Thread.sleep(200);
                }
                assertEquals(SignedInConnections.CLOSE_SIGNED_OUT, ws.awaitClose());
            }
        }
    }
}
