package fi.ikkuna.loadtest;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The run's own MariaDB database: created with the server's durability settings in the report (a run on
 * {@code innodb_flush_log_at_trx_commit} other than 1 is flagged), dropped at the end unless {@code --keep-db}.
 */
final class RunDatabase {
    private final Harness h;
    private String name;
    private String jdbcUrl;

    RunDatabase(Harness h) {
        this.h = h;
    }

    /** The JDBC URL of the run's database, or null when the run uses the embedded one. */
    String jdbcUrl() {
        return jdbcUrl;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, h.o.get("db-user"), h.o.get("db-password"));
    }

    /** Creates the run's database and returns the JDBC URL; reports MariaDB version and durability settings. */
    String create() throws SQLException {
        name = "ikkuna_load_" + System.currentTimeMillis();
        try (Connection c = server(); Statement s = c.createStatement()) {
            String version = scalar(s, "SELECT VERSION()");
            String flush = variable(s, "innodb_flush_log_at_trx_commit");
            h.line("- MariaDB " + version + ": innodb_flush_log_at_trx_commit=" + flush
                    + ", sync_binlog=" + variable(s, "sync_binlog") + ", log_bin=" + variable(s, "log_bin")
                    + ", innodb_buffer_pool_size=" + variable(s, "innodb_buffer_pool_size")
                    + ", innodb_flush_method=" + variable(s, "innodb_flush_method")
                    + ", max_connections=" + variable(s, "max_connections"));
            if (!"1".equals(flush)) {
                h.line("- **WARNING: innodb_flush_log_at_trx_commit is " + flush + ", not 1: commits are not durable; the figures do not count for the target**");
            }
            s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        // Also on a hard exit (watchdog, Ctrl-C): the run's database never outlives it unless --keep-db.
        Runtime.getRuntime().addShutdownHook(new Thread(this::drop));
        String base = h.o.get("db-url");
        jdbcUrl = (base.endsWith("/") ? base : base + "/") + name;
        return jdbcUrl;
    }

    void drop() {
        if (name == null || Boolean.parseBoolean(h.o.get("keep-db"))) {
            if (name != null) {
                Harness.log("kept database " + name);
            }
            return;
        }
        try (Connection c = server(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name);
        } catch (SQLException e) {
            Harness.log("could not drop " + name + ": " + e.getMessage());
        }
    }

    private Connection server() throws SQLException {
        return DriverManager.getConnection(h.o.get("db-url"), h.o.get("db-user"), h.o.get("db-password"));
    }

    private static String scalar(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static String variable(Statement s, String name) throws SQLException {
        try (ResultSet rs = s.executeQuery("SHOW VARIABLES LIKE '" + name + "'")) {
            return rs.next() ? rs.getString(2) : "?";
        }
    }
}
