package fi.ikkuna.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import fi.ikkuna.auth.Principal;
import fi.ikkuna.insights.HistorySeed;
import fi.ikkuna.insights.KnownHistory;
import fi.ikkuna.support.Backend;
import fi.ikkuna.support.Pro;
import fi.ikkuna.support.ServiceTest;
import fi.ikkuna.triage.Channel;
import fi.ikkuna.triage.FiredRules;
import fi.ikkuna.web.Json;
import fi.ikkuna.web.ProtocolException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Retention on a fixed, test-moved clock (docs/data-rights.md, "Retention"). Every test seeds its own conversations at its own epoch,
 * decades apart, so a run in one test never reaches another's data before that test is done.
 */
public abstract class RetentionContract extends ServiceTest {
    static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Map<RetentionKind, Period> KEEP = Map.of(RetentionKind.FAQ, Period.ofDays(30),
            RetentionKind.ANONYMOUS, Period.ofDays(60), RetentionKind.FORM, Period.ofDays(90), RetentionKind.APPOINTMENT,
            Period.ofDays(120), RetentionKind.HANDLED, Period.ofYears(1), RetentionKind.EMERGENCY, Period.ofYears(2));
    private static final Map<RetentionKind, Period> MINIMUM = Map.of(RetentionKind.FAQ, Period.ZERO,
            RetentionKind.ANONYMOUS, Period.ZERO, RetentionKind.FORM, Period.ofDays(30), RetentionKind.APPOINTMENT,
            Period.ofDays(30), RetentionKind.HANDLED, Period.ofMonths(6), RetentionKind.EMERGENCY, Period.ofYears(1));
    private HistorySeed seed;
    private RetentionData data;
    private final MutableClock clock = new MutableClock(Instant.EPOCH);
    private Retention retention;
    private Pro admin;
    private Principal adminPrincipal;

    @Override
    protected abstract Backend backend();

    @Override
    protected Map<String, String> config() {
        // The service's own daily run would use the real clock; these tests run the job themselves.
        return Map.of("ikkuna.retention.enabled", "false");
    }

    @BeforeAll
    void open() {
        seed = new HistorySeed(backend);
        data = new RetentionData(seed.db());
        retention = retention(200);
        admin = Pro.login(server, "admin", "admin-demo");
        adminPrincipal = new Principal(admin.id(), "admin", admin.name(), "pääkäyttäjä", "administrator", Set.of());
    }

    @AfterAll
    void closeSeed() {
        seed.close();
    }

    private Retention retention(int batchSize) {
        Map<RetentionKind, RetentionSettings.Policy> p = new EnumMap<>(RetentionKind.class);
        KEEP.forEach((k, keep) -> p.put(k, new RetentionSettings.Policy(keep, MINIMUM.get(k))));
        return new Retention(seed.db(), new RetentionSettings(true, java.time.LocalTime.of(3, 30), batchSize, 12, p, HELSINKI), clock);
    }

    static Instant local(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute).atZone(HELSINKI).toInstant();
    }

    private String conversation(Channel channel, Instant created, Consumer<HistorySeed.Conv> steps) {
        String[] id = new String[1];
        seed.conversation(channel, created, c -> {
            steps.accept(c);
            id[0] = c.c.id();
        });
        data.messages(id[0], created, "Minulla on kuumetta, olen Matti Meikäläinen 010190-123A", "puh 040 765 4321");
        return id[0];
    }

    /** One ended conversation of every kind, all closed at {@code end}; the map's order is the kinds' periods'. */
    private Map<RetentionKind, String> oneOfEach(Instant end) {
        Instant s = end.minus(Duration.ofMinutes(30));
        Map<RetentionKind, String> ids = new EnumMap<>(RetentionKind.class);
        ids.put(RetentionKind.FAQ, conversation(Channel.CHAT, s, c -> c.triage("general", "general", null, "FAQ x scored 0.9")
                .selfServed(s).faqHelpful(end)));
        ids.put(RetentionKind.ANONYMOUS, conversation(Channel.CHAT, s, c -> c.triage("health", "health", end, "rule fever (rules/health.yaml) matched: kuume")
                .queued(s).residentClose(end)));
        ids.put(RetentionKind.HANDLED, conversation(Channel.CHAT, s, c -> c.triage("health", "health", end, "rule fever (rules/health.yaml) matched: kuume")
                .queued(s).claim(s.plusSeconds(60)).transfer(s.plusSeconds(120), "dental", "Matti sanoi hammas")
                .claim(s.plusSeconds(180)).close(end, "advice_given").rate(4)));
        ids.put(RetentionKind.EMERGENCY, conversation(Channel.CHAT, s, c -> c.emergency("health", "health", "safety rule chest (rules/safety.yaml) matched: rintakipu")
                .queued(s).claim(s.plusSeconds(30)).close(end, "advice_given")));
        ids.put(RetentionKind.FORM, conversation(Channel.FORM, s, c -> c.triage("dental", "dental", null).queued(s).claim(s.plusSeconds(60))
                .close(end, "advice_given")));
        ids.put(RetentionKind.APPOINTMENT, conversation(Channel.APPOINTMENT, s, c -> c.triage("health", "health", null).queued(s)
                .claim(s.plusSeconds(60)).close(end, "booked")));
        data.identity(ids.get(RetentionKind.HANDLED), s.plusSeconds(90));
        data.formSubmission(ids.get(RetentionKind.FORM), s);
        data.booking(ids.get(RetentionKind.APPOINTMENT), admin.id(), end.plus(Duration.ofDays(2)));
        return ids;
    }

    private boolean purged(String id) {
        return data.count("select count(*) from conversation_purge where conversation_id = ?1", id) == 1;
    }

    private long messages(String id) {
        return data.count("select count(*) from message where conversation_id = ?1", id);
    }

    private RetentionJob.Report runAt(Instant t) {
        clock.set(t);
        return retention.job().run();
    }

    @Test
    void eachKindIsPurgedExactlyAfterItsOwnPeriodAndNotASecondBefore() {
        Instant end = local(2100, 3, 10, 12, 0);
        Map<RetentionKind, String> ids = oneOfEach(end);
        List<RetentionKind> byPeriod = new ArrayList<>(ids.keySet());
        byPeriod.sort(java.util.Comparator.comparing(k -> end.atZone(HELSINKI).plus(KEEP.get(k)).toInstant()));
        for (int i = 0; i < byPeriod.size(); i++) {
            RetentionKind k = byPeriod.get(i);
            Instant due = end.atZone(HELSINKI).plus(KEEP.get(k)).toInstant();
            runAt(due.minusSeconds(1));
            assertFalse(purged(ids.get(k)), k + " purged a second before its period");
            assertEquals(2, messages(ids.get(k)), k + " messages");
            runAt(due);
            assertTrue(purged(ids.get(k)), k + " not purged at its period");
            assertEquals(k.wire(), data.one("select kind from conversation_purge where conversation_id = ?1", ids.get(k)));
            assertEquals(0, messages(ids.get(k)), k + " messages");
            for (RetentionKind later : byPeriod.subList(i + 1, byPeriod.size())) {
                assertFalse(purged(ids.get(later)), later + " purged with " + k);
            }
        }
        // What is left of each is the skeleton: no identity, attempt, token, link, phone, comment or free text.
        for (String id : ids.values()) {
            assertEquals(0, data.count("select count(*) from resident_identity where conversation_id = ?1", id));
            assertEquals(0, data.count("select count(*) from identification_request where conversation_id = ?1", id));
            assertEquals(0, data.count("select count(*) from proxy_declaration where conversation_id = ?1", id));
            assertTrue(String.valueOf(data.one("select resume_token_hash from conversation where id = ?1", id)).startsWith("purged:"));
            assertNull(data.one("select rating_comment from conversation where id = ?1", id));
            String triage = String.valueOf(data.one("select triage_json from conversation where id = ?1", id));
            assertFalse(triage.contains("kuume") || triage.contains("rintakipu") || triage.contains("FAQ x"), triage);
        }
        String handled = ids.get(RetentionKind.HANDLED);
        assertEquals(List.of("health -> dental"), data.column("select detail from conversation_event where conversation_id = ?1 "
                + "and type = 'transferred'", handled));
        // a row stored before the fired list (explanation only) comes out of the purge with the list, its English gone
        JsonNode kept = Json.parseObject(String.valueOf(data.one("select triage_json from conversation where id = ?1", handled)));
        assertEquals("[{\"rule\":\"fever\",\"kind\":\"routing\",\"source\":\"rules/health.yaml\"}]",
                Json.write(kept.path(FiredRules.KEY)));
        assertEquals(0, kept.path("explanation").size(), kept.toString());
        assertEquals("substantial", data.one("select identification_level from conversation where id = ?1", handled),
                "the level is a figure, not an identity");
        assertTrue(String.valueOf(data.one("select reply_token_hash from form_submission where conversation_id = ?1",
                ids.get(RetentionKind.FORM))).startsWith("purged:"));
        assertEquals(1, data.count("select count(*) from form_submission where conversation_id = ?1", ids.get(RetentionKind.FORM)),
                "submission counts per form stay");
        assertNull(data.one("select b.phone from appointment_booking b join appointment_request r on r.id = b.request_id "
                + "where r.conversation_id = ?1", ids.get(RetentionKind.APPOINTMENT)));
    }

    @Test
    void anOpenConversationIsNeverPurgedAndAnIdleOneCountsFromItsLastActivity() {
        Instant s = local(2120, 5, 1, 9, 0);
        String waiting = conversation(Channel.CHAT, s, c -> c.triage("health", "health", s).queued(s));
        String idle = conversation(Channel.CHAT, s, c -> c.triage("general", "general", null).selfServed(s));
        data.messages(idle, s.plus(Duration.ofHours(5)), "kiitos", "hei", "vielä");
        Instant due = s.plus(Duration.ofHours(5)).atZone(HELSINKI).plus(KEEP.get(RetentionKind.FAQ)).toInstant();
        runAt(due.minusSeconds(1));
        assertFalse(purged(idle), "counted from its start, not its last message");
        runAt(due);
        assertTrue(purged(idle));
        assertEquals("CLOSED", data.one("select state from conversation where id = ?1", idle), "a live tab cannot write into it");
        assertEquals(1, data.count("select count(*) from conversation_event where conversation_id = ?1 and type = 'closed_by_retention'", idle));
        runAt(s.plus(Duration.ofDays(3650)));
        assertFalse(purged(waiting), "a resident waiting for a person is never purged");
        assertEquals(2, messages(waiting));
    }

    @Test
    void legalHoldBlocksPurgeUntilReleased() {
        Instant end = local(2140, 1, 20, 12, 0);
        String id = oneOfEach(end).get(RetentionKind.HANDLED);
        clock.set(end.plus(Duration.ofDays(1)));
        retention.holds().doSet(adminPrincipal, id, "Kantelu AVI 123/2140");
        assertEquals(List.of(admin.id()), data.column("select actor_id from conversation_event where conversation_id = ?1 "
                + "and type = 'legal_hold_set'", id));
        runAt(end.atZone(HELSINKI).plusYears(5).toInstant());
        assertFalse(purged(id), "held");
        assertEquals(2, messages(id));
        assertTrue(retention.holds().doRelease(adminPrincipal, id));
        assertEquals(1, data.count("select count(*) from conversation_event where conversation_id = ?1 and type = 'legal_hold_released'", id));
        runAt(end.atZone(HELSINKI).plusYears(5).toInstant());
        assertTrue(purged(id), "released: its period had long passed");
        ProtocolException late = assertThrows(ProtocolException.class, () -> retention.holds().doSet(adminPrincipal, id, "myöhässä"));
        assertEquals("already_purged", late.details().get("reason"));
        assertEquals(List.of(), data.column("select detail from conversation_event where conversation_id = ?1 "
                + "and type = 'legal_hold_set' and detail is not null", id), "the hold's reason is free text: purged too");
    }

    @Test
    void erasureIsRefusedUnderHoldOrInsideTheMinimumAndAllowedOtherwise() {
        Instant end = local(2160, 6, 1, 12, 0);
        Map<RetentionKind, String> ids = oneOfEach(end);
        String handled = ids.get(RetentionKind.HANDLED);
        Instant allowed = end.atZone(HELSINKI).plus(MINIMUM.get(RetentionKind.HANDLED)).toInstant();
        clock.set(allowed.minusSeconds(1));
        ProtocolException minimum = assertThrows(ProtocolException.class, () -> retention.erasure().doErase(adminPrincipal, handled));
        assertEquals("statutory_minimum", minimum.details().get("reason"));
        assertEquals(allowed.toString(), minimum.details().get("erasableAt"));
        assertEquals(2, messages(handled), "a refusal changes nothing");
        clock.set(allowed);
        retention.holds().doSet(adminPrincipal, handled, "Vahingonkorvausvaatimus");
        ProtocolException held = assertThrows(ProtocolException.class, () -> retention.erasure().doErase(adminPrincipal, handled));
        assertEquals("legal_hold", held.details().get("reason"));
        assertEquals(2, messages(handled));
        retention.holds().doRelease(adminPrincipal, handled);
        assertTrue(retention.erasure().doErase(adminPrincipal, handled));
        assertEquals("erasure", data.one("select how from conversation_purge where conversation_id = ?1", handled));
        assertEquals(0, messages(handled));
        assertEquals(List.of(admin.id()), data.column("select actor_id from conversation_event where conversation_id = ?1 "
                + "and type = 'erased'", handled));
        assertFalse(retention.erasure().doErase(adminPrincipal, handled), "erasing again has nothing left to do");
        // No minimum for an FAQ conversation: erasable as soon as it ended. A waiting one is not erasable at all.
        clock.set(end);
        assertTrue(retention.erasure().doErase(adminPrincipal, ids.get(RetentionKind.FAQ)));
        String waiting = conversation(Channel.CHAT, end, c -> c.triage("health", "health", end).queued(end));
        clock.set(end.plus(Duration.ofDays(4000)));
        ProtocolException open = assertThrows(ProtocolException.class, () -> retention.erasure().doErase(adminPrincipal, waiting));
        assertEquals("conversation_open", open.details().get("reason"));
    }

    @Test
    void theAccessLogOutlivesTheConversationsPurgeUntilItsOwnTime() {
        Instant end = local(2180, 2, 1, 12, 0);
        String id = oneOfEach(end).get(RetentionKind.FAQ);
        Instant later = end.plus(Duration.ofDays(1));
        data.accessLog(id, admin.id(), end);
        data.accessLog(id, admin.id(), later);
        runAt(end.atZone(HELSINKI).plus(KEEP.get(RetentionKind.FAQ)).toInstant());
        assertTrue(purged(id));
        assertEquals(2, data.count("select count(*) from access_log where conversation_id = ?1", id));
        Instant ownTime = end.atZone(HELSINKI).plusYears(12).toInstant();
        runAt(ownTime.minusSeconds(1));
        assertEquals(2, data.count("select count(*) from access_log where conversation_id = ?1", id));
        RetentionJob.Report r = runAt(ownTime);
        assertEquals(1, data.count("select count(*) from access_log where conversation_id = ?1", id));
        assertTrue(r.accessLogDeleted() >= 1);
        runAt(later.atZone(HELSINKI).plusYears(12).toInstant());
        assertEquals(0, data.count("select count(*) from access_log where conversation_id = ?1", id));
    }

    @Test
    void insightsFiguresForThePurgedPeriodStayTheSame() {
        KnownHistory.seed(seed, Instant.now());
        String range = "from=" + KnownHistory.D1 + "&to=" + KnownHistory.D4;
        List<String> ids;
        // Left open after an FAQ answer: the purge closes it, and still no figure changes.
        Instant open = local(2025, 3, 5, 16, 0);
        conversation(Channel.CHAT, open, c -> c.triage("general", "general", null, "FAQ opening-hours scored 0.90").selfServed(open));
        ids = seed.db().read(em -> em.createQuery("select c.id from Conversation c where c.createdAt >= :s and c.createdAt < :e",
                String.class).setParameter("s", local(2025, 3, 3, 0, 0)).setParameter("e", local(2025, 3, 11, 0, 0)).getResultList());
        assertEquals(12, ids.size());
        ids.forEach(id -> data.messages(id, local(2025, 3, 5, 16, 0), "Olen Maija, hetu 131052-308T"));
        Map<String, String> before = insights(range);
        RetentionJob.Report r = runAt(local(2035, 1, 1, 0, 0));
        assertTrue(ids.stream().allMatch(this::purged), "every conversation of the period was purged");
        assertTrue(r.purged() >= 12);
        ids.forEach(id -> assertEquals(0, messages(id)));
        assertEquals(before, insights(range));
    }

    private Map<String, String> insights(String range) {
        Map<String, String> out = new java.util.TreeMap<>();
        for (String table : List.of("contacts", "faq", "waits", "deadlines", "abandoned", "ratings", "corrections")) {
            for (String q : List.of("", "&queue=health", "&queue=dental", "&queue=general")) {
                HttpResponse<String> res = admin.get("/api/insights/" + table + "?" + range + q);
                assertEquals(200, res.statusCode(), res.body());
                out.put(table + q, res.body());
            }
        }
        return out;
    }

    @Test
    void runningTwiceChangesNothingMore() {
        Instant end = local(2200, 4, 1, 12, 0);
        Map<RetentionKind, String> ids = oneOfEach(end);
        Instant t = end.atZone(HELSINKI).plus(KEEP.get(RetentionKind.FORM)).toInstant();
        RetentionJob.Report first = runAt(t);
        assertTrue(first.purged() >= 3);
        Map<String, List<Object>> snapshot = snapshot(ids.values());
        RetentionJob.Report second = runAt(t);
        assertEquals(0, second.purged());
        assertEquals(0, second.accessLogDeleted());
        assertEquals(snapshot, snapshot(ids.values()));
    }

    private Map<String, List<Object>> snapshot(java.util.Collection<String> ids) {
        Map<String, List<Object>> out = new java.util.TreeMap<>();
        for (String id : ids) {
            out.put(id + " conversation", data.column("select concat(coalesce(resume_token_hash, ''), '|', coalesce(triage_json, ''), '|', "
                    + "coalesce(rating_comment, ''), '|', state) from conversation where id = ?1", id));
            out.put(id + " events", data.column("select concat(type, '|', coalesce(detail, '')) from conversation_event "
                    + "where conversation_id = ?1 order by at, type", id));
            out.put(id + " purge", data.column("select concat(kind, '|', how) from conversation_purge where conversation_id = ?1", id));
            out.put(id + " messages", data.column("select body from message where conversation_id = ?1 order by seq", id));
        }
        return out;
    }

    @Test
    void aRunWorksInBatchesOfTheConfiguredSize() {
        Instant end = local(2220, 8, 1, 12, 0);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Instant s = end.minusSeconds(60L * i);
            ids.add(conversation(Channel.CHAT, s, c -> c.triage("general", "general", null).selfServed(s).faqHelpful(end)));
            data.accessLog(ids.get(i), admin.id(), end);
        }
        clock.set(end.atZone(HELSINKI).plusYears(12).toInstant());
        RetentionJob.Report r = retention(2).job().run();
        assertTrue(ids.stream().allMatch(this::purged));
        assertTrue(r.largestBatch() <= 2, "at most batch-size conversations in one transaction: " + r);
        assertTrue(r.batches() >= 3 + 3, "5 conversations and 5 log rows in batches of 2: " + r);
        ids.forEach(id -> assertEquals(0, data.count("select count(*) from access_log where conversation_id = ?1", id)));
    }

    @Test
    void onlyAdministratorsHoldAndEraseOverHttp() {
        Instant end = Instant.now().minus(Duration.ofDays(3));
        String id = conversation(Channel.CHAT, end, c -> c.triage("general", "general", null).selfServed(end).faqHelpful(end));
        Pro nurse = Pro.login(server, "hoitaja", "hoitaja-demo");
        assertEquals(403, send(nurse, "PUT", "/api/retention/conversations/" + id + "/hold", "{\"reason\":\"x\"}").statusCode());
        assertEquals(403, send(nurse, "POST", "/api/retention/conversations/" + id + "/erase", "{}").statusCode());
        assertEquals(400, send(admin, "PUT", "/api/retention/conversations/" + id + "/hold", "{}").statusCode(), "a hold needs a reason");
        HttpResponse<String> held = send(admin, "PUT", "/api/retention/conversations/" + id + "/hold", "{\"reason\":\"Kantelu 5/2026\"}");
        assertEquals(200, held.statusCode(), held.body());
        HttpResponse<String> status = admin.get("/api/retention/conversations/" + id);
        assertTrue(status.body().contains("\"kind\":\"faq\"") && status.body().contains("Kantelu 5/2026"), status.body());
        HttpResponse<String> refused = send(admin, "POST", "/api/retention/conversations/" + id + "/erase", "{}");
        assertEquals(409, refused.statusCode());
        assertTrue(refused.body().contains("\"reason\":\"legal_hold\""), refused.body());
        assertEquals(200, send(admin, "DELETE", "/api/retention/conversations/" + id + "/hold", "").statusCode());
        HttpResponse<String> erased = send(admin, "POST", "/api/retention/conversations/" + id + "/erase", "{}");
        assertEquals(200, erased.statusCode(), erased.body());
        assertTrue(purged(id));
        assertEquals(404, admin.get("/api/retention/conversations/" + java.util.UUID.randomUUID()).statusCode());
    }

    private HttpResponse<String> send(Pro pro, String method, String path, String body) {
        try {
            return HTTP.send(HttpRequest.newBuilder(server.http(path)).header("Cookie", pro.cookie()).header("X-CSRF-Token", pro.csrf())
                    .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

}
