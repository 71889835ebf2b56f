package fi.ikkuna.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import fi.ikkuna.support.Backend;
import fi.ikkuna.support.Pro;
import fi.ikkuna.support.TestServer;
import fi.ikkuna.support.WsTestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Professional sessions live in the database: two service instances on one database accept each other's sessions
 * (a load balancer may send any request to any node), a sign-out on one ends the session on the other, a restart
 * signs nobody out, and the table never holds a usable session id.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SessionSharingContract {
    private Backend backend;
    private TestServer nodeA;
    private TestServer nodeB;

    protected abstract Backend backend();

    @BeforeAll
    void start() {
        backend = backend();
        nodeA = new TestServer(backend, Map.of());
        nodeB = new TestServer(backend, Map.of());
    }

    @AfterAll
    void stop() throws Exception {
        nodeA.close();
        nodeB.close();
        backend.close();
    }

    @Test
    void aSessionFromOneNodeIsValidOnTheOther() {
        Pro onA = Pro.login(nodeA, "hoitaja", "hoitaja-demo");
        Pro onB = on(nodeB, onA);
        assertEquals(200, onB.get("/api/auth/me").statusCode(), "the session made on node A, asked on node B");
        try (WsTestClient ws = onB.connect()) {
            assertFalse(ws.isClosed(), "node B opens the console socket of node A's session");
        }
    }

    @Test
    void aSignOutOnOneNodeEndsTheSessionOnTheOther() throws Exception {
        Pro onA = Pro.login(nodeA, "hoitaja", "hoitaja-demo");
        Pro onB = on(nodeB, onA);
        assertEquals(200, onB.get("/api/auth/me").statusCode());
        HttpResponse<String> out = Pro.post(nodeA.http("/api/auth/logout"), "{}", Map.of("Cookie", onA.cookie(), "X-CSRF-Token", onA.csrf()));
        assertEquals(204, out.statusCode(), out.body());
        long until = System.currentTimeMillis() + 5_000;
        int status = onB.get("/api/auth/me").statusCode();
        while (status == 200 && System.currentTimeMillis() < until) {
            Thread.sleep(100);
            status = onB.get("/api/auth/me").statusCode();
        }
        assertEquals(401, status, "node B still accepts a session signed out on node A");
    }

    @Test
    void aRestartSignsNobodyOut() {
        Pro before = Pro.login(nodeA, "saannot", "saannot-demo");
        nodeA.restart();
        assertEquals(200, before.get("/api/auth/me").statusCode(), "signed out by a restart");
    }

    @Test
    void theTableHoldsOnlyTheHashOfTheId() {
        Pro p = Pro.login(nodeA, "admin", "admin-demo");
        String id = p.cookie().substring(p.cookie().indexOf('=') + 1);
        @SuppressWarnings("unchecked")
        List<Object> hashes = nodeA.sql(em -> em.createNativeQuery("select id_hash from professional_session").getResultList());
        assertFalse(hashes.stream().map(String::valueOf).anyMatch(id::equals), "a session id is stored as it is");
        assertTrue(hashes.stream().map(String::valueOf).anyMatch(fi.ikkuna.auth.SessionsAccess.hash(id)::equals));
    }

    private static Pro on(TestServer node, Pro p) {
        return new Pro(node, p.cookie(), p.csrf(), p.id(), p.name());
    }
}
