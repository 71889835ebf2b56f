package fi.ikkuna.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A database for one test class: the embedded default (H2 file) or a fresh database on the real MariaDB
 * server. MariaDB being unreachable is a failure, never a skip: CI starts it.
 */
public abstract class Backend implements AutoCloseable {

    /** Config overrides selecting this backend. */
    public abstract Map<String, String> config();

    public abstract String name();

    /** Narrower than AutoCloseable's: no InterruptedException, which try-with-resources would have to handle. */
    @Override
    public abstract void close() throws IOException;

    public static Backend h2() {
        return new H2();
    }

    public static Backend mariadb() {
        return new MariaDb();
    }

    private static final class H2 extends Backend {
        private final Path dir;

        H2() {
            try {
                dir = Files.createTempDirectory("ikkuna-h2");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public Map<String, String> config() {
            Map<String, String> m = new HashMap<>();
            m.put("ikkuna.db.url", "");
            m.put("ikkuna.data.dir", dir.toString());
            return m;
        }

        @Override
        public String name() {
            return "h2";
        }

        @Override
        public void close() throws IOException {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static final class MariaDb extends Backend {
        private final String base = System.getProperty("ikkuna.test.mariadb.url", "jdbc:mariadb://127.0.0.1:3306/");
        private final String database = "ikkuna_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

        MariaDb() {
            exec("CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }

        @Override
        public Map<String, String> config() {
            Map<String, String> m = new HashMap<>();
            m.put("ikkuna.db.url", base + database);
            m.put("ikkuna.db.user", "root");
            m.put("ikkuna.db.password", "");
            return m;
        }

        @Override
        public String name() {
            return "mariadb";
        }

        @Override
        public void close() {
            exec("DROP DATABASE IF EXISTS " + database);
        }

        private void exec(String sql) {
            try (Connection c = DriverManager.getConnection(base, "root", ""); var st = c.createStatement()) {
                st.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException("MariaDB at " + base + " is required for these tests (start it: see .ci/run): "
                        + e.getMessage(), e);
            }
        }
    }
}
