package fi.ikkuna.support;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** One real service per test class on the backend and configuration the subclass chooses. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ServiceTest {
    protected Backend backend;
    protected TestServer server;

    /** The database; the embedded default unless a subclass runs the same tests on MariaDB. */
    protected Backend backend() {
        return Backend.h2();
    }

    /** Configuration overrides for this class's service. */
    protected Map<String, String> config() {
        return Map.of();
    }

    @BeforeAll
    void startService() {
        backend = backend();
        server = new TestServer(backend, config());
    }

    @AfterAll
    void stopService() throws Exception {
        server.close();
        backend.close();
    }
}
