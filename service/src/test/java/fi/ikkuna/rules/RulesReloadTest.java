package fi.ikkuna.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

import fi.ikkuna.support.Backend;
import fi.ikkuna.support.CountyRules;
import fi.ikkuna.support.Pro;
import fi.ikkuna.support.TestServer;
import fi.ikkuna.web.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reloading rules swaps them in without a restart; invalid rules are reported and the old set stays; health follows. */
class RulesReloadTest {

    @Test
    void reloadNeedsRoleAndCsrfAndKeepsOldRulesOnError(@TempDir Path dir) throws Exception {
        copyCore(dir);
        try (Backend backend = Backend.h2(); TestServer server = new TestServer(backend, Map.of("ikkuna.rules.dir", dir.toString()))) {
            Pro admin = Pro.login(server, "admin", "admin-demo");
            Pro nurse = Pro.login(server, "hoitaja", "hoitaja-demo");
            assertEquals(403, reload(server, admin, null).statusCode(), "no CSRF token");
            assertEquals(403, reload(server, nurse, nurse.csrf()).statusCode(), "professional role");
            assertEquals(200, reload(server, admin, admin.csrf()).statusCode());

            Files.writeString(dir.resolve("queues.yaml"), "queues:\n  - id: health\n    service: [not, a, service\n");
            HttpResponse<String> bad = reload(server, admin, admin.csrf());
            assertEquals(422, bad.statusCode());
            String message = Json.parseObject(bad.body()).path("error").path("message").asText();
            assertTrue(message.contains("queues.yaml:"), message);
            assertEquals(200, get(server, "/observe/health").statusCode(), "the previous rule set stays active");
        }
    }

    @Test
    void brokenRulesAtStartKeepHealthDown(@TempDir Path dir) throws Exception {
        copyCore(dir);
        Files.writeString(dir.resolve("queues.yaml"), "queues: [");
        try (Backend backend = Backend.h2(); TestServer server = new TestServer(backend, Map.of("ikkuna.rules.dir", dir.toString()))) {
            HttpResponse<String> health = get(server, "/observe/health");
            assertEquals(503, health.statusCode());
            assertEquals("DOWN", Json.parseObject(health.body()).path("checks").path("rules").asText());
        }
    }

    private static void copyCore(Path dir) throws Exception {
        for (String f : new String[] {"queues.yaml", "settings.yaml", "deadlines.yaml"}) {
            Files.copy(CountyRules.coreOnly().resolve(f), dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static HttpResponse<String> reload(TestServer server, Pro who, String csrf) {
        return Pro.post(server.http("/api/rules/reload"), "{}", csrf == null ? Map.of("Cookie", who.cookie())
                : Map.of("Cookie", who.cookie(), "X-CSRF-Token", csrf));
    }

    private static HttpResponse<String> get(TestServer server, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.http(path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
