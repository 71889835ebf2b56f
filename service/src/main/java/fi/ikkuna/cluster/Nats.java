package fi.ikkuna.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Logger;

import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.Dispatcher;
import io.nats.client.ErrorListener;
import io.nats.client.Options;

/**
 * The node's one NATS connection. The node starts whether or not the broker answers: a thread of its own tries
 * until the first connect succeeds, and from then on the client reconnects for ever. NATS only carries notices
 * between nodes and the database holds every fact, so while it is away the nodes poll and nothing is lost. Every
 * state change is logged so an operator sees an outage and its end.
 */
public final class Nats implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Nats.class.getName());
    private static final Duration FIRST_CONNECT_RETRY = Duration.ofSeconds(2);

    private record Subscription(String subject, Consumer<String> handler) {
    }

    private final Options options;
    private final String url;
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private final Thread connector;
    private volatile Connection connection;
    private volatile Dispatcher dispatcher;
    private volatile boolean closed;

    private Nats(ClusterSettings settings) {
        this.url = settings.natsUrl();
        this.options = new Options.Builder().server(url).connectionName("ikkuna " + settings.nodeId())
                .maxReconnects(-1).connectionTimeout(settings.connectTimeout())
                .connectionListener((c, event) -> log(event))
                .errorListener(new ErrorListener() {
                    @Override
                    public void exceptionOccurred(Connection c, Exception e) {
                        // Until the first connect the connector's one warning says it; then every error counts.
                        if (connection != null) {
                            LOG.warning("NATS: " + e);
                        }
                    }
                }).build();
        this.connector = Thread.ofVirtual().name("nats-connect").start(this::connectUntilUp);
    }

    static Nats connect(ClusterSettings settings) {
        return new Nats(settings);
    }

    private void connectUntilUp() {
        boolean warned = false;
        while (!closed) {
            try {
                Connection c = io.nats.client.Nats.connect(options);
                synchronized (this) {
                    if (closed) {
                        c.close();
                        return;
                    }
                    dispatcher = c.createDispatcher();
                    subscriptions.forEach(s -> subscribe(dispatcher, s));
                    connection = c;
                }
                return;
            } catch (IOException e) {
                if (!warned) {
                    LOG.warning("NATS at " + url + " does not answer (" + e.getMessage() + "); this node polls the database "
                            + "and keeps trying");
                    warned = true;
                }
            } catch (InterruptedException e) {
                return;
            }
            try {
                Thread.sleep(FIRST_CONNECT_RETRY);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void log(ConnectionListener.Events event) {
        if (connection == null && event != ConnectionListener.Events.CONNECTED) {
            return;
        }
        switch (event) {
            case DISCONNECTED -> LOG.warning("NATS " + event.getEvent() + ": this node polls the database until it is back");
            default -> LOG.info("NATS " + event.getEvent());
        }
    }

    public boolean connected() {
        Connection c = connection;
        return c != null && c.getStatus() == Connection.Status.CONNECTED;
    }

    /** Fire and forget: a notice lost in an outage is made up by the receivers' polling. */
    public void publish(String subject, String text) {
        Connection c = connection;
        if (c != null) {
            c.publish(subject, text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Calls {@code handler} on NATS's dispatcher thread for every message on {@code subject}; keep it short. */
    public synchronized void subscribe(String subject, Consumer<String> handler) {
        Subscription s = new Subscription(subject, handler);
        subscriptions.add(s);
        if (dispatcher != null) {
            subscribe(dispatcher, s);
        }
    }

    private static void subscribe(Dispatcher d, Subscription s) {
        d.subscribe(s.subject(), m -> s.handler().accept(new String(m.getData(), StandardCharsets.UTF_8)));
    }

    @Override
    public void close() {
        Connection c;
        synchronized (this) {
            closed = true;
            c = connection;
        }
        connector.interrupt();
        if (c != null) {
            try {
                c.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
