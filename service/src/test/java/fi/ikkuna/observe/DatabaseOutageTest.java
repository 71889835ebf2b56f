package fi.ikkuna.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import fi.ikkuna.support.Backend;
import fi.ikkuna.support.TcpProxy;
import fi.ikkuna.support.TestServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 13.8: the real MariaDB server behind a TCP proxy the test cuts. Health answers DOWN within 2 s of the
 * outage (it used to stall on the pool's 30 s wait), and UP again by itself once the database is back.
 */
@Tag("mariadb")
class DatabaseOutageTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static HttpResponse<String> health(TestServer server) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(server.http("/observe/health")).timeout(Duration.ofSeconds(40)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthFailsFastAndRecovers() throws Exception {
        try (Backend db = Backend.mariadb(); TcpProxy proxy = new TcpProxy(3306)) {
            Map<String, String> config = new HashMap<>(db.config());
            config.put("ikkuna.db.url", config.get("ikkuna.db.url").replace(":3306/", ":" + proxy.port() + "/"));
            try (TestServer server = new TestServer(db, config)) {
                assertEquals(200, health(server).statusCode());
                proxy.muteReplies(); // the server stops answering (overload, a hung disk, SIGSTOP): what stalled health
                for (int i = 0; i < 3; i++) { // the first call finds a pooled connection dead; later ones must open new ones
                    long t0 = System.nanoTime();
                    HttpResponse<String> down = health(server);
                    long ms = (System.nanoTime() - t0) / 1_000_000;
                    assertEquals(503, down.statusCode(), down.body());
                    assertTrue(down.body().contains("\"database\":\"DOWN\""), down.body());
                    assertTrue(ms < 2500, "health took " + ms + " ms in the outage (call " + (i + 1) + ")");
                }
                proxy.restore();
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                int status = 0;
                while (System.nanoTime() < deadline && (status = health(server).statusCode()) != 200) {
                    Thread.sleep(200);
                }
                assertEquals(200, status, "health did not recover after the database came back");
            }
        }
    }
}
