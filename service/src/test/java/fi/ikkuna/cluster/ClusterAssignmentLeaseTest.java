package fi.ikkuna.cluster;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.ikkuna.support.Backend;
import fi.ikkuna.support.Frames;
import fi.ikkuna.support.Pro;
import fi.ikkuna.support.Resident;
import fi.ikkuna.support.TestServer;
import fi.ikkuna.support.WsTestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The assignment-lease sweep runs on one node of the cluster (the holder of lease {@code assignee-leases}) and must
 * count a professional whose console is open on another node as present: node A sweeps, the nurse works on node B.
 * Grace 4 s, sweep every 100 ms; MariaDB and the real NATS.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("mariadb")
class ClusterAssignmentLeaseTest {
    private Backend backend;
    private TestServer nodeA;
    private TestServer nodeB;

    @BeforeAll
    void start() {
        String nats = NatsRequired.url();
        backend = Backend.mariadb();
        nodeA = new TestServer(backend, config(nats, "node-a"));
        nodeB = new TestServer(backend, config(nats, "node-b"));
    }

    private static Map<String, String> config(String nats, String node) {
        Map<String, String> c = new HashMap<>(TestServer.FAST_CLIENTS);
        c.put("ikkuna.cluster.nats-url", nats);
        c.put("ikkuna.cluster.node-id", node);
        // 4 s: a loaded machine may delay a presence beat by more than the 2 s AssignmentLeaseTest uses.
        c.put("ikkuna.queue.assignee-grace", "PT4S");
        c.put("ikkuna.queue.lease-sweep-ms", "100");
        return c;
    }

    @AfterAll
    void stop() throws Exception {
        nodeA.close();
        nodeB.close();
        backend.close();
    }

    @Test
    void aConsoleOpenOnAnotherNodeKeepsTheConversationAndClosingItReturnsIt() throws Exception {
        Pro nurse = Pro.login(nodeA, "hoitaja", "hoitaja-demo");
        Pro nurseOnB = new Pro(nodeB, nurse.cookie(), nurse.csrf(), nurse.id(), nurse.name());
        try (Resident resident = Resident.start(nodeA, "fi")) {
            resident.say("Kysyn klusterista");
            WsTestClient console = nurseOnB.connect();
            console.send(Frames.pro("claim", resident.conversationId));
            console.await("claimed");
            assertEquals("node-a", holder(), "node A, started first, sweeps");

            // Nothing may happen for longer than the grace: only waiting shows that.
            Thread.sleep(6_000);
            assertEquals(List.of("ASSIGNED", "none"), state(resident.conversationId),
                    "node A handed back the conversation of a nurse working on node B");

            console.closeNormally();
            ObjectNode back = resident.ws.await("state", s -> "lease_expired".equals(s.path("event").asText()));
            assertEquals("queued", back.path("state").asText(), back.toString());
        }
    }

    private String holder() {
        return nodeA.sql(em -> String.valueOf(em.createNativeQuery("select holder from cluster_lease where name = 'assignee-leases'")
                .getSingleResult()));
    }

    private List<String> state(String conversationId) {
        return nodeA.sql(em -> {
            Object[] row = (Object[]) em.createNativeQuery("select state, returned_reason from conversation where id = ?")
                    .setParameter(1, conversationId).getSingleResult();
            return List.of(String.valueOf(row[0]), row[1] == null ? "none" : String.valueOf(row[1]));
        });
    }
}
