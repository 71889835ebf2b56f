package fi.ikkuna.identification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.ikkuna.support.Backend;
import fi.ikkuna.support.Frames;
import fi.ikkuna.support.OidcBrowser;
import fi.ikkuna.support.OidcProvider;
import fi.ikkuna.support.Pro;
import fi.ikkuna.support.Resident;
import fi.ikkuna.support.ServiceTest;
import fi.ikkuna.support.TestServer;
import fi.ikkuna.support.WsTestClient;
import fi.ikkuna.web.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Strong identification against a real OpenID provider (mock-oauth2-server on loopback), per backend: the whole flow
 * and every refusal — forged signature, wrong audience, replayed state and code, missing and wrong nonce, expired token,
 * a lower level than asked, another browser — each with its reason to the resident and nothing stored.
 */
public abstract class IdentificationContract extends ServiceTest {
    static final String ISSUER = "suomifi";
    static final String HETU = "131052-308T";
    private final OidcProvider provider = new OidcProvider(false);

    @Override
    protected abstract Backend backend();

    @Override
    protected Map<String, String> config() {
        Map<String, String> c = provider.identificationConfig(TestServer.FAST_CLIENTS, ISSUER, "ikkuna-test");
        c.put("ikkuna.identification.client-secret", "not-checked-by-the-test-provider");
        return c;
    }

    @AfterAll
    void stopProvider() {
        provider.close();
    }

    /** The popup's hops up to the provider's redirect back to the service (not yet followed). */
    record Attempt(OidcBrowser browser, URI callback) {
    }

    Attempt begin(Resident r, String level) {
        ObjectNode identify = Json.object().put("type", "identify");
        if (level != null) {
            identify.put("level", level);
        }
        r.ws.send(identify);
        ObjectNode started = r.ws.await("identification", f -> "started".equals(f.path("status").asText()));
        OidcBrowser browser = new OidcBrowser();
        URI authorize = browser.redirect(server.http(started.path("url").asText()));
        assertTrue(authorize.toString().startsWith(provider.issuer(ISSUER) + "/authorize"), authorize.toString());
        String query = authorize.getRawQuery();
        for (String p : List.of("state=", "nonce=", "code_challenge=", "code_challenge_method=S256", "acr_values=")) {
            assertTrue(query.contains(p), p + " in " + query);
        }
        return new Attempt(browser, browser.redirect(authorize));
    }

    /** Follows the provider's redirect into the service; the reason on the result page ("ok" or why not). */
    String finish(Attempt a) {
        URI page = a.browser().redirect(a.callback());
        assertTrue(page.getPath().equals("/widget/identified.html"), page.toString());
        return page.getFragment();
    }

    ObjectNode outcome(Resident r) {
        return r.ws.await("identification", f -> Set.of("identified", "failed").contains(f.path("status").asText()));
    }

    /** I1: the whole flow; the identity is sealed at rest; the board shows only the level; the full number is logged. */
    @Test
    void residentIdentifiesAndBothSidesSeeTheLevel() {
        Pro admin = Pro.login(server, "admin", "admin-demo");
        try (Resident r = Resident.start(server, "fi"); WsTestClient pro = admin.connect()) {
            r.say("Haluan kysyä rokotuksista");
            pro.send(Frames.pro("claim", r.conversationId));
            pro.await("claimed");
            provider.next(ISSUER, "suomifi-subject-1", OidcProvider.resident(HETU, "Maija", "Meikäläinen", OidcProvider.SUBSTANTIAL), 3600);
            assertEquals("ok", finish(begin(r, null)));

            ObjectNode mine = outcome(r);
            assertEquals("identified", mine.path("status").asText());
            assertEquals("substantial", mine.path("level").asText());
            assertEquals("Maija Meikäläinen", mine.path("name").asText());
            ObjectNode seen = pro.await("identification", f -> "identified".equals(f.path("status").asText()));
            assertEquals("Maija Meikäläinen", seen.path("identity").path("name").asText());
            assertEquals("131052-****", seen.path("identity").path("nationalId").asText());
            assertFalse(seen.toString().contains("308T"), "the professional's frame masks the number");
            pro.await("queue_snapshot", s -> true);

            String sealed = server.sql(em -> (String) em.createNativeQuery(
                    "select sealed from resident_identity where conversation_id = ?").setParameter(1, r.conversationId).getSingleResult());
            assertFalse(sealed.contains("308T") || sealed.contains("131052") || sealed.contains("Maija"), "sealed at rest");
            assertEquals("substantial", level(r.conversationId));

            pro.send(Frames.pro("reveal_identity", r.conversationId));
            assertEquals(HETU, pro.await("identity").path("nationalId").asText());
            String log = admin.get("/api/audit/conversations/" + r.conversationId).body();
            assertTrue(log.contains("\"identity\""), log);

            // A resumed tab learns it at once.
            try (WsTestClient again = fi.ikkuna.support.WsTestClient.connect(server.ws("/ws/resident"))) {
                again.send(Frames.resume(r.resumeToken, 0));
                assertEquals("identified", again.await("identification").path("status").asText());
            }
        }
    }

    /** I2: a token signed with a key the provider does not publish (same kid) is refused; nothing stored. */
    @Test
    void forgedSignatureIsRefused() {
        refused(null, "token_signature", () -> {
            provider.next(ISSUER, "s-forged", OidcProvider.resident(HETU, "Eve", "Forger", OidcProvider.SUBSTANTIAL), 3600);
            provider.forgeNextSignature();
        });
    }

    /** I3: an ID token issued to another client is refused. */
    @Test
    void wrongAudienceIsRefused() {
        Map<String, Object> claims = OidcProvider.resident(HETU, "Maija", "Meikäläinen", OidcProvider.SUBSTANTIAL);
        claims.put("aud", "some-other-service");
        refused(null, "token_audience", () -> provider.next(ISSUER, "s-aud", claims, 3600));
    }

    /** I4: an expired ID token is refused (beyond the clock skew). */
    @Test
    void expiredTokenIsRefused() {
        refused(null, "token_expired", () -> provider.next(ISSUER, "s-exp",
                OidcProvider.resident(HETU, "Maija", "Meikäläinen", OidcProvider.SUBSTANTIAL), -600));
    }

    /** I5: a token without the nonce of this attempt, or with another one, is refused. */
    @Test
    void missingOrWrongNonceIsRefused() {
        Map<String, Object> missing = OidcProvider.resident(HETU, "Maija", "Meikäläinen", OidcProvider.SUBSTANTIAL);
        missing.put("nonce", null);
        refused(null, "token_nonce", () -> provider.next(ISSUER, "s-nonce1", missing, 3600));
        Map<String, Object> wrong = OidcProvider.resident(HETU, "Maija", "Meikäläinen", OidcProvider.SUBSTANTIAL);
        wrong.put("nonce", "a-nonce-from-another-attempt");
        refused(null, "token_nonce", () -> provider.next(ISSUER, "s-nonce2", wrong, 3600));
    }

    /** I6: asked for "high", the provider returned "substantial": refused. */
    @Test
    void lowerLevelThanRequestedIsRefused() {
        refused("high", "level_too_low", () -> provider.next(ISSUER, "s-acr",
                OidcProvider.resident(HETU, "Maija", "Meikäläinen", OidcProvider.SUBSTANTIAL), 3600));
    }

    /** I7: the provider's redirect replayed (same state), and its code replayed into a new attempt: both refused. */
    @Test
    void replayedStateAndCodeAreRefused() {
        try (Resident first = Resident.start(server, "fi"); Resident second = Resident.start(server, "fi")) {
            provider.next(ISSUER, "s-replay", OidcProvider.resident(HETU, "Maija", "Meikäläinen", OidcProvider.HIGH), 3600);
            Attempt done = begin(first, null);
            assertEquals("ok", finish(done));
            assertEquals("identified", outcome(first).path("status").asText());
            assertEquals("replayed", finish(done));
            assertEquals("replayed", outcome(first).path("reason").asText());
            assertEquals(1L, identifiedEvents(first.conversationId), "the replay changed nothing");

            String code = query(done.callback(), "code");
            Attempt fresh = begin(second, null);
            URI spliced = URI.create(fresh.callback().toString().replaceFirst("code=[^&]+", "code=" + code));
            // A provider that redeems a code only once refuses it (code_rejected); this one redeems it again, and then
            // the token carries the first attempt's nonce, which the second attempt refuses (token_nonce).
            String reason = finish(new Attempt(fresh.browser(), spliced));
            assertTrue(Set.of("code_rejected", "token_nonce").contains(reason), reason);
            assertEquals(reason, outcome(second).path("reason").asText());
            assertEquals("anonymous", level(second.conversationId));
        }
    }

    /** I8: the provider's redirect arriving in a browser that did not open the attempt is refused. */
    @Test
    void redirectInAnotherBrowserIsRefused() {
        try (Resident r = Resident.start(server, "fi")) {
            // No token is enqueued: the service refuses before it redeems the code.
            Attempt a = begin(r, null);
            assertEquals("wrong_browser", finish(new Attempt(a.browser().another(), a.callback())));
            assertEquals("wrong_browser", outcome(r).path("reason").asText());
            assertEquals("anonymous", level(r.conversationId));
        }
    }

    /** I10: after hello the widget learns that identification is available here (and offers the button). */
    @Test
    void helloSaysIdentificationIsAvailable() {
        try (Resident r = Resident.start(server, "sv")) {
            assertEquals("available", r.ws.await("identification").path("status").asText());
        }
    }

    /** I9: the professional who has the conversation asks; the resident sees who asked; others may not ask. */
    @Test
    void professionalRequestsIdentification() {
        Pro admin = Pro.login(server, "admin", "admin-demo");
        Pro nurse = Pro.login(server, "hoitaja", "hoitaja-demo");
        try (Resident r = Resident.start(server, "fi"); WsTestClient pro = admin.connect(); WsTestClient other = nurse.connect()) {
            r.say("Haluan kysyä rokotuksista");
            other.send(Frames.pro("request_identification", r.conversationId).put("level", "high"));
            assertEquals("not_assignee", other.await("error").path("code").asText());
            pro.send(Frames.pro("claim", r.conversationId));
            pro.await("claimed");
            pro.send(Frames.pro("request_identification", r.conversationId).put("level", "high"));
            ObjectNode asked = r.ws.await("identification", f -> "requested".equals(f.path("status").asText()));
            assertEquals("high", asked.path("level").asText());
            assertEquals(admin.name(), asked.path("by").path("name").asText());
            try (WsTestClient again = fi.ikkuna.support.WsTestClient.connect(server.ws("/ws/resident"))) {
                again.send(Frames.resume(r.resumeToken, 0));
                assertEquals("requested", again.await("identification").path("status").asText(), "a reload keeps the request");
            }
        }
    }

    /** One refused attempt on a fresh conversation: the reason on the page and in the frame, and nothing stored. */
    private void refused(String level, String reason, Runnable arrange) {
        try (Resident r = Resident.start(server, "fi")) {
            arrange.run();
            assertEquals(reason, finish(begin(r, level)));
            ObjectNode failed = outcome(r);
            assertEquals("failed", failed.path("status").asText());
            assertEquals(reason, failed.path("reason").asText());
            assertEquals("anonymous", level(r.conversationId));
            assertEquals(0L, (long) server.sql(em -> ((Number) em.createNativeQuery(
                    "select count(*) from resident_identity where conversation_id = ?").setParameter(1, r.conversationId)
                    .getSingleResult()).longValue()));
            assertEquals(0L, identifiedEvents(r.conversationId));
        }
    }

    private String level(String conversationId) {
        return server.sql(em -> (String) em.createNativeQuery("select identification_level from conversation where id = ?")
                .setParameter(1, conversationId).getSingleResult());
    }

    private long identifiedEvents(String conversationId) {
        return server.sql(em -> ((Number) em.createNativeQuery(
                "select count(*) from conversation_event where conversation_id = ? and type = 'identified'")
                .setParameter(1, conversationId).getSingleResult()).longValue());
    }

    private static String query(URI uri, String name) {
        for (String kv : uri.getRawQuery().split("&")) {
            if (kv.startsWith(name + "=")) {
                return kv.substring(name.length() + 1);
            }
        }
        throw new AssertionError(name + " not in " + uri);
    }
}
