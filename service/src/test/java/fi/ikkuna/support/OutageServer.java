package fi.ikkuna.support;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The real service on a fresh database of the real MariaDB server, reached through a loopback proxy the test
 * controls: {@link #stopDatabase()} makes the database stop answering (what an overloaded or hung server, or a
 * lost network, looks like to the service), {@link #startDatabase()} brings it back. Issue 13.8.
 */
public final class OutageServer implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    public final Backend backend;
    public final TcpProxy database;
    public final TestServer server;

    public OutageServer(Map<String, String> extra) {
        backend = Backend.mariadb();
        database = new TcpProxy(3306);
        Map<String, String> config = new HashMap<>(backend.config());
        config.put("ikkuna.db.url", config.get("ikkuna.db.url").replace(":3306/", ":" + database.port() + "/"));
        // A query already sent when the database stops answering fails after this (default 10 s): short, so tests stay quick.
        config.put("ikkuna.db.socket-timeout-ms", "2000");
        config.putAll(extra);
        server = new TestServer(backend, config);
    }

    public void stopDatabase() {
        database.muteReplies();
    }

    public void startDatabase() {
        database.restore();
    }

    /** The database check of {@code /observe/health}: "UP" or "DOWN". */
    public String databaseHealth() {
        try {
            HttpResponse<String> res = HTTP.send(HttpRequest.newBuilder(server.http("/observe/health"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            return res.body().contains("\"database\":\"UP\"") ? "UP" : "DOWN";
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Waits (bounded) until health reports the database {@code state}. */
    public void awaitDatabase(String state) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!state.equals(databaseHealth())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("health never reported the database " + state);
            }
            try {
                Thread.sleep(100); // a poll interval, not a wait for something to happen
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            database.close();
            try {
                backend.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
