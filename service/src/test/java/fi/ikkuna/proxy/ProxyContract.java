package fi.ikkuna.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;

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
 * Proxy use per backend: a resident declares whom they contact for; the professional sees it live with the mandate
 * "declared, not verified"; the person is sealed at rest; the board shows only the relation; every refusal stores
 * nothing; a change and a withdrawal are events.
 */
public abstract class ProxyContract extends ServiceTest {
    static final String ADULT = "010150-123A";
    static final String CHILD = "010615A123A";
    static final String GUARDIAN = "131052-308T";
    private final OidcProvider provider = new OidcProvider(false);

    @Override
    protected abstract Backend backend();

    @Override
    protected Map<String, String> config() {
        Map<String, String> c = provider.identificationConfig(TestServer.FAST_CLIENTS, "suomifi", "ikkuna-test");
        return c;
    }

    @AfterAll
    void stopProvider() {
        provider.close();
    }

    /** P1: declared, sealed at rest, shown live to the professional and the resident, and again after a reload. */
    @Test
    void declarationIsSealedAndShownToTheProfessionalLive() {
        Pro admin = Pro.login(server, "admin", "admin-demo");
        try (Resident r = Resident.start(server, "fi"); WsTestClient pro = admin.connect()) {
            assertEquals("available", r.ws.await("proxy").path("status").asText());
            r.say("Kysyn äitini lääkityksestä");
            pro.send(Frames.pro("claim", r.conversationId));
            pro.await("claimed");
            r.ws.send(declare("cared_for", "Aino Ämmälä", ADULT));

            ObjectNode seen = pro.await("proxy", f -> "declared".equals(f.path("status").asText()));
            assertEquals("cared_for", seen.path("relation").asText());
            assertEquals("Aino Ämmälä", seen.path("person").path("name").asText());
            assertEquals("010150-****", seen.path("person").path("nationalId").asText());
            assertFalse(seen.toString().contains("123A"), "the professional's frame masks the code");
            assertEquals("declared", r.ws.await("proxy", f -> "declared".equals(f.path("status").asText())).path("mandate").asText());

            String sealed = server.sql(em -> (String) em.createNativeQuery(
                    "select sealed from proxy_declaration where conversation_id = ?").setParameter(1, r.conversationId).getSingleResult());
            assertFalse(sealed.contains("Aino") || sealed.contains("Ämmälä") || sealed.contains("010150"), "sealed at rest");
            assertEquals(List.of("proxy_declared:cared_for"), events(r.conversationId));

            try (WsTestClient again = WsTestClient.connect(server.ws("/ws/resident"))) {
                again.send(Frames.resume(r.resumeToken, 0));
                assertEquals("Aino Ämmälä", again.await("proxy").path("person").path("name").asText(), "a reload shows it");
            }
            try (WsTestClient other = admin.connect()) {
                other.send(Frames.pro("open", r.conversationId).put("purpose", "proxy test"));
                other.await("opened");
                assertEquals("010150-****", other.await("proxy").path("person").path("nationalId").asText(), "opening shows it");
            }
        }
    }

    /** P2: the board tells a proxy contact and its relation, never whom it is for. */
    @Test
    void boardShowsOnlyProxyAndRelation() {
        Pro admin = Pro.login(server, "admin", "admin-demo");
        try (Resident r = Resident.start(server, "fi"); WsTestClient pro = admin.connect()) {
            r.say("Haluan kysyä asiakkaani rokotuksista");
            pro.await("queue_snapshot", s -> s.path("items").findValuesAsText("id").contains(r.conversationId));
            r.ws.send(declare("client", "Veikko Virtanen", ADULT));
            r.ws.await("proxy", f -> "declared".equals(f.path("status").asText()));
            ObjectNode snapshot = pro.await("queue_snapshot", s -> item(s, r.conversationId) != null
                    && "client".equals(item(s, r.conversationId).path("proxy").asText()));
            String text = snapshot.toString();
            assertFalse(text.contains("Veikko") || text.contains("Virtanen") || text.contains("010150"), text);
            assertTrue(pro.all("proxy").isEmpty(), "a board watcher gets no proxy frame");
        }
    }

    /** P3: invalid code, an adult as "child", a child by code without identification, a long name: refused, nothing stored. */
    @Test
    void invalidDeclarationsAreRefusedAndNothingIsStored() {
        Pro admin = Pro.login(server, "admin", "admin-demo");
        try (Resident r = Resident.start(server, "fi"); WsTestClient pro = admin.connect()) {
            r.say("Kysyn lapseni kuumeesta");
            pro.send(Frames.pro("claim", r.conversationId));
            pro.await("claimed");
            refused(r, declare("cared_for", "Aino Ämmälä", "010150-123B"), "hetu_invalid");
            refused(r, declare("cared_for", "Aino Ämmälä", "310299-1234"), "hetu_invalid");
            refused(r, declare("child", "Aino Ämmälä", ADULT), "child_adult");
            refused(r, declare("child", "Eetu Ämmälä", CHILD), "identification_required");
            refused(r, declare("cared_for", "A".repeat(101), null), "name_too_long");
            refused(r, declare("cousin", "Aino Ämmälä", null), "relation_invalid");
            refused(r, declare("other", "   ", null), "name_missing");
            refused(r, Json.object().put("type", "withdraw_proxy"), "not_declared");
            assertTrue(pro.all("proxy").isEmpty(), "the professional saw nothing of it");
            // The limit is the limit: 100 characters are accepted.
            r.ws.send(declare("cared_for", "A".repeat(100), null));
            assertEquals("declared", r.ws.await("proxy", f -> !"available".equals(f.path("status").asText())).path("status").asText());
        }
    }

    /** P4: a strongly identified guardian names a child by code; the mandate is still only declared, not verified. */
    @Test
    void identifiedGuardianNamesAChildAndTheMandateIsDeclaredNotVerified() {
        Pro admin = Pro.login(server, "admin", "admin-demo");
        try (Resident r = Resident.start(server, "fi"); WsTestClient pro = admin.connect()) {
            r.say("Kysyn lapseni kuumeesta");
            pro.send(Frames.pro("claim", r.conversationId));
            pro.await("claimed");
            identify(r);
            r.ws.send(declare("child", "Eetu Meikäläinen", CHILD));
            ObjectNode seen = pro.await("proxy", f -> "declared".equals(f.path("status").asText()));
            assertEquals("child", seen.path("relation").asText());
            assertEquals("010615A****", seen.path("person").path("nationalId").asText());
            assertEquals("declared", seen.path("mandate").asText());
            assertEquals("declared", server.sql(em -> (String) em.createNativeQuery(
                    "select mandate from proxy_declaration where conversation_id = ?").setParameter(1, r.conversationId).getSingleResult()));
        }
    }

    /** P5: a change and a withdrawal are events; both sides see the withdrawal; nothing of the person is left. */
    @Test
    void changeAndWithdrawalAreRecorded() {
        Pro admin = Pro.login(server, "admin", "admin-demo");
        try (Resident r = Resident.start(server, "fi"); WsTestClient pro = admin.connect()) {
            r.say("Kysyn isäni kotihoidosta");
            pro.send(Frames.pro("claim", r.conversationId));
            pro.await("claimed");
            r.ws.send(declare("cared_for", "Pekka Ämmälä", null));
            pro.await("proxy", f -> "cared_for".equals(f.path("relation").asText()));
            r.ws.send(declare("other", "Pekka Ämmälä", ADULT));
            ObjectNode changed = pro.await("proxy", f -> "other".equals(f.path("relation").asText()));
            assertEquals("010150-****", changed.path("person").path("nationalId").asText());
            r.ws.send(Json.object().put("type", "withdraw_proxy"));
            pro.await("proxy", f -> "withdrawn".equals(f.path("status").asText()));
            r.ws.await("proxy", f -> "withdrawn".equals(f.path("status").asText()));

            assertEquals(List.of("proxy_declared:cared_for", "proxy_changed:other", "proxy_withdrawn:other"), events(r.conversationId));
            assertEquals(0L, declarations(r.conversationId));
            assertNull(server.sql(em -> em.createNativeQuery("select proxy_relation from conversation where id = ?")
                    .setParameter(1, r.conversationId).getSingleResult()));
        }
    }

    private void refused(Resident r, ObjectNode frame, String reason) {
        r.ws.send(frame);
        ObjectNode answer = r.ws.await("proxy", f -> !"available".equals(f.path("status").asText()));
        assertEquals("refused", answer.path("status").asText(), reason);
        assertEquals(reason, answer.path("reason").asText());
        assertEquals(0L, declarations(r.conversationId), reason + ": nothing stored");
        assertEquals(List.of(), events(r.conversationId), reason + ": no event");
        assertNull(server.sql(em -> em.createNativeQuery("select proxy_relation from conversation where id = ?")
                .setParameter(1, r.conversationId).getSingleResult()), reason);
    }

    static ObjectNode declare(String relation, String name, String nationalId) {
        ObjectNode o = Json.object().put("type", "declare_proxy").put("relation", relation).put("name", name);
        return nationalId == null ? o : o.put("nationalId", nationalId);
    }

    /** The resident identifies strongly through the real flow (the identification contract tests the flow itself). */
    private void identify(Resident r) {
        provider.next("suomifi", "s-guardian", OidcProvider.resident(GUARDIAN, "Maija", "Meikäläinen", OidcProvider.SUBSTANTIAL), 3600);
        r.ws.send(Json.object().put("type", "identify"));
        String url = r.ws.await("identification", f -> "started".equals(f.path("status").asText())).path("url").asText();
        OidcBrowser browser = new OidcBrowser();
        URI page = browser.redirect(browser.redirect(browser.redirect(server.http(url))));
        assertEquals("ok", page.getFragment());
        r.ws.await("identification", f -> "identified".equals(f.path("status").asText()));
    }

    private static ObjectNode item(ObjectNode snapshot, String conversationId) {
        for (var i : snapshot.path("items")) {
            if (conversationId.equals(i.path("id").asText())) {
                return (ObjectNode) i;
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private List<String> events(String conversationId) {
        return server.sql(em -> (List<String>) em.createNativeQuery("select concat(type, ':', detail) from conversation_event "
                + "where conversation_id = ? and type like 'proxy%' order by at").setParameter(1, conversationId).getResultList());
    }

    private long declarations(String conversationId) {
        return server.sql(em -> ((Number) em.createNativeQuery("select count(*) from proxy_declaration where conversation_id = ?")
                .setParameter(1, conversationId).getSingleResult()).longValue());
    }
}
