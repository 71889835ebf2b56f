package fi.ikkuna.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.logging.Logger;

import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.Dispatcher;
import io.nats.client.ErrorListener;
import io.nats.client.Options;

/**
 * The node's one NATS connection. It reconnects for ever: NATS only carries notifications between nodes, the database
 * holds every fact, so while it is away the nodes fall back to polling and nothing is lost. Every state change is
 * logged so an operator sees an outage and its end.
 */
public final class Nats implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Nats.class.getName());

    private final Connection connection;
    private final Dispatcher dispatcher;

    private Nats(Connection connection) {
        this.connection = connection;
        this.dispatcher = connection.createDispatcher();
    }

    /** Connects; when the broker is away at start-up the node still starts and the connection comes up later. */
    static Nats connect(ClusterSettings settings) {
        Options options = new Options.Builder().server(settings.natsUrl()).connectionName("ikkuna " + settings.nodeId())
                .maxReconnects(-1).connectionTimeout(settings.connectTimeout())
                .connectionListener((c, event) -> log(event))
                .errorListener(new ErrorListener() {
                    @Override
                    public void exceptionOccurred(Connection c, Exception e) {
                        LOG.warning("NATS: " + e);
                    }
                }).build();
        try {
            return new Nats(io.nats.client.Nats.connectReconnectOnConnect(options));
        } catch (IOException e) {
            throw new IllegalStateException("NATS at " + settings.natsUrl() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted connecting to NATS", e);
        }
    }

    private static void log(ConnectionListener.Events event) {
        switch (event) {
            case DISCONNECTED, CLOSED -> LOG.warning("NATS " + event.getEvent() + ": nodes fall back to polling the database");
            default -> LOG.info("NATS " + event.getEvent());
        }
    }

    public boolean connected() {
        return connection.getStatus() == Connection.Status.CONNECTED;
    }

    /** Fire and forget: a notification lost in an outage is made up by the receivers' polling. */
    public void publish(String subject, String text) {
        connection.publish(subject, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Calls {@code handler} on NATS's dispatcher thread for every message on {@code subject}; keep it short. */
    public void subscribe(String subject, Consumer<String> handler) {
        dispatcher.subscribe(subject, m -> handler.accept(new String(m.getData(), StandardCharsets.UTF_8)));
    }

    @Override
    public void close() throws InterruptedException {
        connection.close();
    }
}
