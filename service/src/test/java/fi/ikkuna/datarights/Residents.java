package fi.ikkuna.datarights;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.ikkuna.audit.AccessLogEntry;
import fi.ikkuna.persistence.Database;
import fi.ikkuna.support.Backend;
import fi.ikkuna.support.OidcBrowser;
import fi.ikkuna.support.OidcProvider;
import fi.ikkuna.support.TestServer;
import fi.ikkuna.support.WsTestClient;
import fi.ikkuna.web.Json;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;

/** What the data-rights tests do as a resident: identify through the real provider, and call the API as the widget. */
final class Residents {
    static final String ISSUER = "suomifi";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Residents() {
    }

    /** The whole identification flow on this conversation's socket, as in IdentificationContract: "ok" and identified. */
    static void identify(TestServer server, OidcProvider provider, WsTestClient ws, String hetu, String given) {
        provider.next(ISSUER, "subject-" + hetu, OidcProvider.resident(hetu, given, "Testinen", OidcProvider.SUBSTANTIAL), 3600);
        ws.send(Json.object().put("type", "identify"));
        ObjectNode started = ws.await("identification", f -> "started".equals(f.path("status").asText()));
        OidcBrowser browser = new OidcBrowser();
        URI authorize = browser.redirect(server.http(started.path("url").asText()));
        URI page = browser.redirect(browser.redirect(authorize));
        assertEquals("ok", page.getFragment(), page.toString());
        ws.await("identification", f -> "identified".equals(f.path("status").asText()));
    }

    /** GET as the widget: the tab's resume token as a bearer token (none when {@code token} is null). */
    static HttpResponse<String> get(TestServer server, String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.http(path)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A contact-request form as the widget sends it, from the tab holding {@code token} (none: anonymous). */
    static HttpResponse<String> contactRequest(TestServer server, String token, String description) {
        ObjectNode body = Json.object().put("language", "fi");
        body.putObject("values").put("topic", "health").put("description", description).put("phone", "040 123 4567")
                .put("consent", true);
        HttpRequest.Builder b = HttpRequest.newBuilder(server.http("/api/forms/contact-request/submissions"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(Json.write(body)));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * An access-log row written at a fixed time, through the real entity as {@code ProfessionalActions} writes it:
     * the only way to have a read from years ago in a test without waiting for it.
     */
    static void pastAccess(Backend backend, String professionalId, String conversationId, String purpose, Instant at) {
        Map<String, String> c = backend.config();
        Map<String, String> db = new HashMap<>();
        db.put("url", c.getOrDefault("ikkuna.db.url", ""));
        db.put("user", c.getOrDefault("ikkuna.db.user", ""));
        db.put("password", c.getOrDefault("ikkuna.db.password", ""));
        db.put("pool-size", "1");
        Config config = Config.builder().sources(ConfigSources.create(db)).disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource().build();
        try (Database d = Database.open(config, Path.of(c.getOrDefault("ikkuna.data.dir", "./data")))) {
            d.tx(em -> {
                em.persist(new AccessLogEntry(professionalId, conversationId, "open", purpose, at));
                return null;
            });
        }
    }
}
