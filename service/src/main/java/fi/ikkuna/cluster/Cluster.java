package fi.ikkuna.cluster;

import java.io.IOException;
import java.time.Duration;
import java.util.logging.Logger;

import fi.ikkuna.persistence.EventSink;
import io.helidon.config.Config;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;

/**
 * Clustered mode, on when {@code ikkuna.cluster.nats-url} (environment {@code IKKUNA_NATS_URL}) is set: one NATS
 * connection that reconnects forever, carrying committed events between the nodes ({@link ClusterEvents}). Empty, the
 * service is the single node it always was and loads nothing of NATS (docs/cluster.md).
 */
public final class Cluster implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Cluster.class.getName());

    private final Connection nats;
    private final ClusterEvents events;

    private Cluster(Connection nats, EventSink local, String subject) {
        this.nats = nats;
        this.events = new ClusterEvents(local, nats, subject);
    }

    /** The sink every do* delivers through: the local one alone, or the local one fanned out over NATS. */
    public static Cluster from(Config ikkuna, EventSink local) {
        String url = ikkuna.get("cluster.nats-url").asString().orElse("");
        if (url.isBlank()) {
            url = System.getenv().getOrDefault("IKKUNA_NATS_URL", "");
        }
        if (url.isBlank()) {
            return null;
        }
        Options options = new Options.Builder().server(url).maxReconnects(-1)
                .reconnectWait(Duration.ofMillis(ikkuna.get("cluster.reconnect-wait-ms").asLong().orElse(500L)))
                .connectionListener((conn, type) -> LOG.info("NATS " + type))
                .connectionName("ikkuna").build();
        try {
            return new Cluster(Nats.connect(options), local, ikkuna.get("cluster.subject").asString().orElse("ikkuna.events"));
        } catch (IOException e) {
            throw new IllegalStateException("NATS at " + url + " is not reachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while connecting to NATS", e);
        }
    }

    public EventSink events() {
        return events;
    }

    public boolean connected() {
        return nats.getStatus() == Connection.Status.CONNECTED;
    }

    @Override
    public void close() {
        events.close();
        try {
            nats.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
