package fi.ikkuna.identification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.ikkuna.support.Frames;
import fi.ikkuna.support.OidcBrowser;
import fi.ikkuna.support.OidcProvider;
import fi.ikkuna.support.Pro;
import fi.ikkuna.support.ServiceTest;
import fi.ikkuna.support.WsTestClient;
import fi.ikkuna.web.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Staff sign in with the county's identity provider (mock-oauth2-server on loopback) beside local accounts. */
class StaffSignInTest extends ServiceTest {
    private static final String ISSUER = "county";
    private final OidcProvider provider = new OidcProvider(false);

    @Override
    protected Map<String, String> config() {
        Map<String, String> c = new HashMap<>();
        c.put("ikkuna.auth.oidc.enabled", "true");
        c.put("ikkuna.auth.oidc.issuer", provider.issuer(ISSUER));
        c.put("ikkuna.auth.oidc.client-id", "ikkuna-console");
        c.put("ikkuna.auth.oidc.client-secret", "secret");
        c.put("ikkuna.auth.oidc.label", "Hyvinvointialueen tunnus");
        c.put("ikkuna.auth.oidc.groups", "ikkuna-hoitajat=professional:sairaanhoitaja:health,general; ikkuna-admin=administrator:pääkäyttäjä:*");
        return c;
    }

    @AfterAll
    void stopProvider() {
        provider.close();
    }

    /** S1: a nurse of the group signs in; role, title and queues come from the group; the console socket works. */
    @Test
    void groupMemberSignsInWithTheGroupsRoleAndQueues() {
        ObjectNode options = Json.parseObject(new OidcBrowser().get(server.http("/api/auth/oidc")).body());
        assertTrue(options.path("enabled").asBoolean());
        assertEquals("Hyvinvointialueen tunnus", options.path("label").asText());

        provider.next(ISSUER, "nurse-1", Map.of("name", "Sari Salo", "groups", List.of("ikkuna-hoitajat", "kaikki")), 3600);
        OidcBrowser browser = new OidcBrowser();
        assertEquals("/console/", signIn(browser).getPath());
        ObjectNode me = Json.parseObject(browser.get(server.http("/api/auth/me")).body()).withObjectProperty("professional");
        assertEquals("Sari Salo", me.path("name").asText());
        assertEquals("professional", me.path("role").asText());
        assertEquals("sairaanhoitaja", me.path("title").asText());
        List<String> queues = new java.util.ArrayList<>();
        me.path("queues").forEach(q -> queues.add(q.asText()));
        queues.sort(null);
        assertEquals(List.of("general", "health"), queues);
        String cookie = "IKKUNA_SESSION=" + browser.cookie("IKKUNA_SESSION");
        try (WsTestClient ws = WsTestClient.connect(server.ws("/ws/pro"), Map.of("Cookie", cookie))) {
            ws.send(Frames.proHello());
            assertEquals("Sari Salo", ws.await("welcome").path("professional").path("name").asText());
        }

        // The provider's groups decide at every sign-in: moved to the administrators, she is one from her next sign-in.
        provider.next(ISSUER, "nurse-1", Map.of("name", "Sari Salo", "groups", List.of("ikkuna-admin")), 3600);
        OidcBrowser later = new OidcBrowser();
        signIn(later);
        assertEquals("administrator", Json.parseObject(later.get(server.http("/api/auth/me")).body())
                .path("professional").path("role").asText());

        // The federated account has no password: it can never sign in locally; local accounts still can.
        HttpResponse<String> guess = Pro.post(server.http("/api/auth/login"),
                Json.write(Json.object().put("username", "idp:nurse-1").put("password", "anything")), Map.of());
        assertEquals(401, guess.statusCode());
        Pro.login(server, "hoitaja", "hoitaja-demo");
    }

    /** S2: someone in none of the mapped groups gets no session. */
    @Test
    void personOutsideTheGroupsIsRefused() {
        provider.next(ISSUER, "outsider", Map.of("name", "Ulla Ulkopuolinen", "groups", List.of("talous")), 3600);
        OidcBrowser browser = new OidcBrowser();
        URI back = signIn(browser);
        assertEquals("/console/", back.getPath());
        assertEquals("signin=no_access", back.getQuery());
        assertEquals(401, browser.get(server.http("/api/auth/me")).statusCode());
    }

    /** S3: a replayed redirect, another browser, or a forged token sign nobody in. */
    @Test
    void replayForgeryAndAnotherBrowserAreRefused() {
        provider.next(ISSUER, "nurse-2", Map.of("name", "Niina", "groups", List.of("ikkuna-hoitajat")), 3600);
        OidcBrowser browser = new OidcBrowser();
        URI callback = browser.redirect(browser.redirect(server.http("/api/auth/oidc/start")));
        assertEquals("/console/", browser.redirect(callback).getPath());
        assertEquals("signin=unknown_state", browser.another().redirect(callback).getQuery());
        assertEquals("signin=unknown_state", browser.redirect(callback).getQuery());

        OidcBrowser other = new OidcBrowser();
        URI stolen = other.redirect(other.redirect(server.http("/api/auth/oidc/start")));
        assertEquals("signin=wrong_browser", other.another().redirect(stolen).getQuery());

        provider.next(ISSUER, "mallory", Map.of("name", "Mallory", "groups", List.of("ikkuna-admin")), 3600);
        provider.forgeNextSignature();
        OidcBrowser forged = new OidcBrowser();
        assertEquals("signin=token_signature", signIn(forged).getQuery());
        assertEquals(401, forged.get(server.http("/api/auth/me")).statusCode());
    }

    private URI signIn(OidcBrowser browser) {
        URI authorize = browser.redirect(server.http("/api/auth/oidc/start"));
        assertTrue(authorize.toString().startsWith(provider.issuer(ISSUER)), authorize.toString());
        return browser.redirect(browser.redirect(authorize));
    }
}
