package fi.ikkuna.support;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import fi.ikkuna.Ikkuna;
import fi.ikkuna.Main;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.webserver.WebServer;

/** The real service on a random loopback port, on a given backend; restartable on the same database. */
public final class TestServer implements AutoCloseable {
    /** Lifts the per-connection rate limit for tests that drive one connection faster than a person types. */
    public static final Map<String, String> FAST_CLIENTS = Map.of("ikkuna.ws.rate-per-second", "10000", "ikkuna.ws.rate-burst", "10000",
            "ikkuna.rules.dir", CountyRules.coreOnly().toString());

    private final Map<String, String> overrides;
    private Ikkuna ikkuna;
    private WebServer server;

    public TestServer(Backend backend, Map<String, String> extra) {
        overrides = new HashMap<>(backend.config());
        overrides.put("ikkuna.demo.seed", "always");
        // Browser tests chat without a console open; WidgetStaffingTest covers the contact-request mode.
        overrides.put("ikkuna.widget.when-nobody-online", "chat");
        overrides.put("ikkuna.rules.dir", CountyRules.dir().toString());
        // Every test client is on loopback: the per-address budget of new contacts is ContactRatesTest's business.
        overrides.put("ikkuna.connections.contacts-per-address-burst", "1000000");
        // The daily retention run uses the real clock: at 03:30 it would purge seeded history under a running test.
        // RetentionContract runs the job itself on a clock it sets.
        overrides.put("ikkuna.retention.enabled", "false");
        overrides.putAll(extra);
        start();
    }

    public TestServer(Backend backend) {
        this(backend, Map.of());
    }

    private void start() {
        Config config = Config.builder()
                .sources(ConfigSources.create(overrides), ConfigSources.classpath("application.yaml"))
                .disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource()
                .build();
        ikkuna = Ikkuna.start(config);
        server = WebServer.builder().config(config.get("server")).host("127.0.0.1").port(0)
                .update(b -> Main.setup(b, ikkuna)).build().start();
    }

    /** Stops the server and its components, then starts them again on the same database (new port). */
    public void restart() {
        stop();
        start();
    }

    /** Reads the service's own database (the embedded file cannot be opened twice). */
    public <T> T sql(java.util.function.Function<jakarta.persistence.EntityManager, T> query) {
        return ikkuna.database().read(query);
    }

    /** The running service's database: for a component of a test's own (with its own clock), or to wrap its EventSink. */
    public fi.ikkuna.persistence.Database database() {
        return ikkuna.database();
    }

    public int port() {
        return server.port();
    }

    public URI http(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    public URI ws(String path) {
        return URI.create("ws://127.0.0.1:" + port() + path);
    }

    private void stop() {
        server.stop();
        ikkuna.close();
    }

    @Override
    public void close() {
        stop();
    }
}
