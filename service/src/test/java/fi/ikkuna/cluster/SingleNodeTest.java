package fi.ikkuna.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.ikkuna.support.ServiceTest;
import fi.ikkuna.web.Json;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.Test;

/** The embedded default stays one node: no NATS URL, no broker, no cluster check, every job runs here. */
class SingleNodeTest extends ServiceTest {

    @Test
    void withoutANatsUrlThereIsNoClusterAndHealthHasNoClusterCheck() throws Exception {
        ClusterSettings s = ClusterSettings.from(Config.just(ConfigSources.classpath("application.yaml")).get("ikkuna.cluster"));
        assertFalse(s.clustered(), "the shipped default must be one node");
        try (Cluster c = Cluster.start(s, null)) {
            assertTrue(c.natsConnected().isEmpty());
            assertTrue(c.once("retention").mayRun(), "a single node runs every job without a lease");
            c.notify(RuleActivations.SUBJECT, "1");
        }
        HttpResponse<String> res = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.http("/observe/health")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        ObjectNode h = Json.parseObject(res.body());
        assertEquals(200, res.statusCode(), res.body());
        assertFalse(h.path("checks").has("cluster"), h.toString());
        assertEquals("UP", h.path("checks").path("database").asText(), h.toString());
    }
}
