package fi.ikkuna.persistence;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Logger;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.helidon.config.Config;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.Persistence;
import org.flywaydb.core.Flyway;

/**
 * The one place that owns the connection pool, the schema (Flyway) and the entity manager factory.
 * Everything else runs work through {@link #tx} so a transaction is always committed or rolled back whole, and
 * what the work recorded in its {@link Effects} reaches the {@link EventSink} only after that commit.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Database.class.getName());
    private static final int MAX_ATTEMPTS = 4;

    private final HikariDataSource dataSource;
    private final EntityManagerFactory emf;
    private final boolean embedded;
    private volatile EventSink events = Unwired.SINK;

    private Database(HikariDataSource dataSource, boolean embedded) {
        this.dataSource = dataSource;
        this.embedded = embedded;
        // Migrations run on a connection of their own, without the pool's socket timeout: a long ALTER TABLE is
        // not an outage.
        Flyway.configure().dataSource(dataSource.getJdbcUrl(), dataSource.getUsername(), dataSource.getPassword())
                .locations("classpath:db/migration").load().migrate();
        Map<String, Object> props = new HashMap<>();
        props.put("jakarta.persistence.nonJtaDataSource", dataSource);
        props.put("eclipselink.session.customizer", FailFast.class.getName());
        this.emf = Persistence.createEntityManagerFactory("ikkuna", props);
    }

    /** Opens the configured database; an empty {@code url} selects the embedded file database under {@code dataDir}. */
    public static Database open(Config db, Path dataDir) {
        String url = db.get("url").asString().orElse("");
        boolean embedded = url.isBlank();
        HikariConfig hc = new HikariConfig();
        if (embedded) {
            try {
                Files.createDirectories(dataDir);
            } catch (java.io.IOException e) {
                throw new IllegalStateException("Cannot create data directory " + dataDir, e);
            }
            // MariaDB mode keeps one migration script valid for both engines. WRITE_DELAY=0: H2 writes each commit
            // to its file before the commit returns; its default (500 ms) lost acked messages on kill -9 and then
            // handed their sequence numbers out again (CrashDurabilityH2Test).
            hc.setJdbcUrl("jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("ikkuna")
                    + ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE;LOCK_TIMEOUT=10000;WRITE_DELAY=0");
            hc.setUsername("sa");
            hc.setPassword("");
        } else {
            hc.setJdbcUrl(url);
            if (url.startsWith("jdbc:mariadb:")) {
                // The same few statements run thousands of times a second: prepared once per connection on the
                // server, MariaDB stops parsing each one again (the connector caches them per connection).
                hc.addDataSourceProperty("useServerPrepStmts", db.get("server-prepared-statements").asBoolean().orElse(true));
                // Without it a query sent just before the server stopped answering waited for ever (the connector's
                // default): the resident's message was neither acked nor refused, and its pooled connection was lost.
                hc.addDataSourceProperty("socketTimeout", db.get("socket-timeout-ms").asInt().orElse(10_000));
            }
            hc.setUsername(db.get("user").asString().orElse(""));
            hc.setPassword(db.get("password").asString().orElse(""));
        }
        hc.setMaximumPoolSize(db.get("pool-size").asInt().orElse(16));
        // Hikari's default waits 30 s for a connection: in a database outage every request, and health, stalled
        // that long. Fail fast instead; the outbox resends what residents wrote, and recovery is automatic.
        hc.setConnectionTimeout(db.get("connection-timeout-ms").asLong().orElse(1000L));
        hc.setValidationTimeout(Math.max(250L, db.get("connection-timeout-ms").asLong().orElse(1000L) / 2));
        hc.setPoolName("ikkuna");
        hc.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        LOG.info(() -> "Database: " + (embedded ? "embedded H2 in " + dataDir.toAbsolutePath() : url));
        return new Database(new HikariDataSource(hc), embedded);
    }

    public boolean embedded() {
        return embedded;
    }

    /** A transaction's work: it changes rows through {@code em} and records what to tell whom in {@code effects}. */
    @FunctionalInterface
    public interface Work<T> {
        T apply(EntityManager em, Effects effects);
    }

    /** Where committed effects go; set once while wiring, before the first {@code do*} (the hub and queues need the database). */
    public void deliverTo(EventSink sink) {
        this.events = java.util.Objects.requireNonNull(sink);
    }

    /** The sink committed effects go to, for a caller that wraps it (a test that records them, cluster fan-out). */
    public EventSink events() {
        return events;
    }

    /** For work that tells nobody (settings, rule versions, accounts): the same transaction without a collector. */
    public <T> T tx(Function<EntityManager, T> work) {
        return tx((em, effects) -> work.apply(em));
    }

    /**
     * Runs {@code work} in one transaction, retrying whole on deadlocks. Each attempt gets a fresh {@link Effects}; only
     * the attempt that committed is flushed, after its commit and before this returns, so an answer the caller sends
     * next (an ack) follows the frames. A rollback or a retried attempt drops what it recorded.
     */
    public <T> T tx(Work<T> work) {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            EntityManager em = emf.createEntityManager();
            EntityTransaction tx = em.getTransaction();
            Effects effects = new Effects();
            T result;
            try {
                tx.begin();
                result = work.apply(em, effects);
                tx.commit();
            } catch (RuntimeException e) {
                if (tx.isActive()) {
                    tx.rollback();
                }
                if (!Transient.is(e)) {
                    throw e;
                }
                last = e;
                continue;
            } finally {
                em.close();
            }
            effects.flushTo(events);
            return result;
        }
        throw last;
    }

    /** Runs read-only {@code work} outside a transaction. */
    public <T> T read(Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        try {
            return work.apply(em);
        } finally {
            em.close();
        }
    }

    /** True when a connection can be taken and validated. */
    public boolean healthy() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(1);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        emf.close();
        dataSource.close();
    }
}
