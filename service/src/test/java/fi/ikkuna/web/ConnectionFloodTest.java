package fi.ikkuna.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import fi.ikkuna.support.Backend;
import fi.ikkuna.support.TestServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 13.2, scaled down: one address opens more half-open connections (a request line and half a header, or
 * nothing at all) than the whole listener may hold. Before the guard the listener was full, health from another
 * address got no answer and the half-open connections were never closed. Now the flooding address gets at most its
 * cap, health answers during the flood, every half-open connection is closed within its deadline, and afterwards
 * the same address is served again.
 */
@Tag("slow")
class ConnectionFloodTest {
    private static final int PER_ADDRESS = 30;
    private static final int FLOOD = 120;

    @Test
    void halfOpenFloodFromOneAddressNeitherStarvesOthersNorLingers() throws Exception {
        try (Backend db = Backend.h2(); TestServer server = new TestServer(db, Map.of(
                "server.max-tcp-connections", "100",
                "server.idle-connection-timeout", "PT2S", "server.idle-connection-period", "PT1S",
                "ikkuna.connections.per-address", String.valueOf(PER_ADDRESS),
                "ikkuna.connections.header-timeout-seconds", "2",
                "ikkuna.connections.request-timeout-seconds", "4"))) {
            InetAddress attacker = InetAddress.getByName("127.0.0.2");
            List<Socket> flood = new ArrayList<>();
            try {
                for (int i = 0; i < FLOOD; i++) {
                    Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port(), attacker, 0);
                    if (i % 10 != 0) { // nine in ten start a request and stop in the middle of its headers
                        s.getOutputStream().write("GET /observe/health HTTP/1.1\r\nHost: ikkuna\r\nX-Slow: "
                                .getBytes(StandardCharsets.US_ASCII));
                    }
                    flood.add(s);
                }
                assertEquals(200, status(InetAddress.getLoopbackAddress(), server.port()), "health from another address during the flood");
                for (int i = 0; i < flood.size(); i++) {
                    assertTrue(closedByServerWithin(flood.get(i), 8000), "half-open connection " + i + " (" + (i % 10 == 0 ? "silent"
                            : "half a header") + ") was still open after its deadline");
                }
            } finally {
                for (Socket s : flood) {
                    s.close();
                }
            }
            assertEquals(200, status(InetAddress.getLoopbackAddress(), server.port()), "health after the flood");
            for (int i = 0; i < PER_ADDRESS; i++) { // the address's slots came back as its connections ended
                assertEquals(200, status(attacker, server.port()), "request " + (i + 1) + " from the flooding address afterwards");
            }
        }
    }

    /** One GET /observe/health from the given local address on a fresh connection; the status code, or -1. */
    private static int status(InetAddress from, int port) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port, from, 0)) {
            s.setSoTimeout(3000);
            s.getOutputStream().write("GET /observe/health HTTP/1.1\r\nHost: ikkuna\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            String head = new String(s.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            return head.startsWith("HTTP/1.1 ") ? Integer.parseInt(head.substring(9, 12)) : -1;
        } catch (SocketTimeoutException e) {
            return -1;
        }
    }

    /** True when the server ends the connection (EOF, reset, or a 503 refusal) before the timeout. */
    private static boolean closedByServerWithin(Socket s, int millis) throws IOException {
        s.setSoTimeout(millis);
        InputStream in = s.getInputStream();
        try {
            byte[] buf = new byte[512];
            while (in.read(buf) >= 0) {
                // a refused connection first gets its 503; keep reading until the server closes
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }
}
