package fi.ikkuna.insights;

import static fi.ikkuna.insights.KnownHistory.D1;
import static fi.ikkuna.insights.KnownHistory.D2;
import static fi.ikkuna.insights.KnownHistory.D3;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.ikkuna.auth.Accounts;
import fi.ikkuna.support.Backend;
import fi.ikkuna.support.Pro;
import fi.ikkuna.support.ServiceTest;
import fi.ikkuna.web.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every insights figure against {@link KnownHistory}, per backend; the expected values are worked out in docs/insights.md. */
public abstract class InsightsContract extends ServiceTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String RANGE = "from=" + D1 + "&to=" + D2;
    private Pro admin;
    private String today;

    @Override
    protected abstract Backend backend();

    private static final String SCRAPER_TOKEN = "scrape-" + java.util.UUID.randomUUID();

    @Override
    protected Map<String, String> config() {
        return Map.of("ikkuna.insights.metrics-window-days", "3650", "ikkuna.insights.at-risk-hours", "4",
                "ikkuna.observe.metrics-token", SCRAPER_TOKEN);
    }

    @BeforeAll
    void seed() {
        try (HistorySeed seed = new HistorySeed(backend)) {
            KnownHistory.seed(seed, Instant.now());
            ManagerRole.doSeedDemo(new Accounts(seed.db()));
        }
        admin = Pro.login(server, "admin", "admin-demo");
        today = LocalDate.now(HistorySeed.HELSINKI).toString();
    }

    /** The table's rows as "a|b|c" lines, in the order served. */
    List<String> rows(String table, String query) {
        HttpResponse<String> res = admin.get("/api/insights/" + table + "?" + query);
        assertEquals(200, res.statusCode(), res.body());
        ObjectNode body = Json.parseObject(res.body());
        List<String> out = new ArrayList<>();
        for (JsonNode row : body.path("rows")) {
            List<String> cells = new ArrayList<>();
            body.path("columns").forEach(c -> cells.add(row.path(c.asText()).asText()));
            out.add(String.join("|", cells));
        }
        return out;
    }

    private HttpResponse<String> anonymous(String path) {
        return get(path, null);
    }

    private HttpResponse<String> scraper(String token) {
        return get("/observe/metrics", "Bearer " + token);
    }

    private HttpResponse<String> get(String path, String authorization) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(server.http(path)).GET();
            if (authorization != null) {
                b.header("Authorization", authorization);
            }
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Issue 13.9: metrics describe the caseload; only a scraper with the configured token reads them. */
    @Test
    void metricsNeedTheScraperToken() {
        assertEquals(401, anonymous("/observe/metrics").statusCode());
        assertEquals(401, scraper("wrong-" + SCRAPER_TOKEN).statusCode());
        assertEquals(401, admin.get("/observe/metrics").statusCode(), "a console session is not the scraper");
        assertEquals(200, scraper(SCRAPER_TOKEN).statusCode());
        assertEquals(200, anonymous("/observe/health").statusCode(), "health stays public");
    }

    @Test
    void contactsPerDayByChannelAndService() {
        assertEquals(List.of("2025-03-03|chat|general|1", "2025-03-03|chat|health|2", "2025-03-03|form|dental|1",
                "2025-03-04|appointment|health|1", "2025-03-04|chat|general|2", "2025-03-04|chat|health|1",
                "2025-03-04|form|mental-health|1"), rows("contacts", RANGE));
        // The queue filter keeps conversations whose current queue it is: C2 and C8 were transferred away.
        assertEquals(List.of("2025-03-03|chat|health|1", "2025-03-04|appointment|health|1"), rows("contacts", RANGE + "&queue=health"));
        assertEquals(List.of("2025-03-05|chat|health|1"), rows("contacts", "from=" + D3 + "&to=" + D3));
    }

    @Test
    void faqSelfServiceRate() {
        assertEquals(List.of("2025-03-03|1|1|0|0|1.0", "2025-03-04|2|0|1|1|0.0", "all|3|1|1|1|0.5"), rows("faq", RANGE));
        assertEquals(List.of("all|0|0|0|0|null"), rows("faq", RANGE + "&queue=dental"));
    }

    @Test
    void waitPercentilesPerQueueAndHour() {
        assertEquals(List.of("dental|10|1|1800|1800", "dental|all|1|1800|1800", "general|0|1|600|600", "general|all|1|600|600",
                "health|9|4|600|1800", "health|10|1|300|300", "health|all|5|600|1800",
                "mental-health|10|1|1200|1200", "mental-health|all|1|1200|1200"), rows("waits", RANGE));
        assertEquals(List.of("health|9|4|600|1800", "health|10|1|300|300", "health|all|5|600|1800"), rows("waits", RANGE + "&queue=health"));
    }

    @Test
    void deadlinesMetAtRiskAndMissed() {
        assertEquals(List.of("dental|0|0|0|0|1|null|0|null", "health|3|0|1|0|0|0.75|0|null", "mental-health|0|0|1|0|0|0.0|0|null",
                "all|3|0|2|0|1|0.6|0|null"), rows("deadlines", RANGE));
        String yesterday = LocalDate.parse(today).minusDays(1).toString();
        assertEquals(List.of("dental|0|0|1|0|0|0.0|0|null", "health|0|1|0|1|0|null|0|null", "all|0|1|1|1|0|0.0|0|null"),
                rows("deadlines", "from=" + yesterday + "&to=" + today));
        assertEquals(List.of("health|3|0|1|0|0|0.75|0|null", "all|3|0|1|0|0|0.75|0|null"), rows("deadlines", RANGE + "&queue=health"));
    }

    /** Issue 14.10: an emergency's deadline is the moment of contact; it is reported apart, not as a missed deadline. */
    @Test
    void emergenciesAreReportedApartFromTheMetRate() {
        assertEquals(List.of("health|0|0|0|0|0|null|1|45", "all|0|0|0|0|0|null|1|45"),
                rows("deadlines", "from=" + KnownHistory.D4 + "&to=" + KnownHistory.D4));
        assertEquals(List.of("health|10|1|45|45", "health|all|1|45|45"), rows("waits", "from=" + KnownHistory.D4 + "&to=" + KnownHistory.D4));
    }

    @Test
    void abandonedWaits() {
        assertEquals(List.of("2025-03-03|dental|1|1|1.0|1800", "2025-03-03|health|1|0|0.0|null", "2025-03-03|mental-health|1|0|0.0|null",
                "2025-03-04|dental|1|0|0.0|null", "2025-03-04|general|1|0|0.0|null", "2025-03-04|health|1|0|0.0|null",
                "2025-03-04|mental-health|1|1|1.0|3600", "all|all|7|2|0.2857|1800"), rows("abandoned", RANGE));
        assertEquals(List.of("2025-03-04|mental-health|1|1|1.0|3600", "2025-03-03|mental-health|1|0|0.0|null", "all|all|2|1|0.5|3600")
                .stream().sorted().toList(), rows("abandoned", RANGE + "&queue=mental-health").stream().sorted().toList());
    }

    @Test
    void ratingsDistributionAndMean() {
        assertEquals(List.of("dental|1|5.0|0|0|0|0|1", "general|2|3.0|0|1|0|1|0", "health|2|4.5|0|0|0|1|1",
                "mental-health|1|3.0|0|0|1|0|0", "all|6|3.8333|0|1|1|2|2"), rows("ratings", RANGE));
        assertEquals(List.of("health|2|4.5|0|0|0|1|1", "all|2|4.5|0|0|0|1|1"), rows("ratings", RANGE + "&queue=health"));
    }

    @Test
    void triageCorrectionsPerRule() {
        assertEquals(List.of("chest-pain|health|dental|1", "chest-pain|all|all|1", "fever-cough|health|dental|1",
                "fever-cough|health|mental-health|1", "fever-cough|all|all|2"), rows("corrections", RANGE));
        assertEquals(List.of("chest-pain|health|dental|1", "chest-pain|all|all|1", "fever-cough|health|dental|1",
                "fever-cough|health|mental-health|1", "fever-cough|all|all|2", "none|health|general|1", "none|all|all|1"),
                rows("corrections", "from=" + D1 + "&to=" + D3));
        assertEquals(List.of("fever-cough|health|mental-health|1", "fever-cough|all|all|1"), rows("corrections", RANGE + "&queue=mental-health"));
    }

    @Test
    void csvExportHasHeaderQuotingAndAttachment() {
        HttpResponse<String> res = admin.get("/api/insights/abandoned?" + RANGE + "&queue=dental&format=csv");
        assertEquals(200, res.statusCode(), res.body());
        assertEquals("text/csv; charset=utf-8", res.headers().firstValue("content-type").orElse(""));
        assertEquals("attachment; filename=\"ikkuna-abandoned-2025-03-03-2025-03-04-dental.csv\"",
                res.headers().firstValue("content-disposition").orElse(""));
        assertEquals("day,queue,waited,abandoned,abandon_rate,p50_wait_before_abandoning_seconds\r\n"
                + "2025-03-03,dental,1,1,1.0,1800\r\n2025-03-04,dental,1,0,0.0,\r\nall,all,2,1,0.5,1800\r\n", res.body());
        assertEquals("rule,from_queue,to_queue,transfers\r\nchest-pain,health,dental,1\r\nchest-pain,all,all,1\r\n"
                + "fever-cough,health,dental,1\r\nfever-cough,health,mental-health,1\r\nfever-cough,all,all,2\r\n",
                admin.get("/api/insights/corrections?" + RANGE + "&format=csv").body());
    }

    @Test
    void badFiltersAre400NamingTheField() {
        for (String[] bad : List.of(new String[] {"from=2025-3-3&to=2025-03-04", "from"}, new String[] {"from=2025-02-30", "from"},
                new String[] {"from=2025-03-05&to=2025-03-04", "from"}, new String[] {"from=2023-01-01&to=2025-03-04", "to"},
                new String[] {RANGE + "&queue=nope", "queue"}, new String[] {RANGE + "&format=xml", "format"},
                new String[] {"to=yesterday", "to"})) {
            HttpResponse<String> res = admin.get("/api/insights/contacts?" + bad[0]);
            assertEquals(400, res.statusCode(), bad[0]);
            JsonNode err = Json.parseObject(res.body()).path("error");
            assertEquals("invalid_field", err.path("code").asText(), res.body());
            assertEquals(bad[1], err.path("field").asText(), res.body());
            assertTrue(!err.path("message").asText().isEmpty());
        }
        assertEquals(404, admin.get("/api/insights/secrets?" + RANGE).statusCode());
    }

    @Test
    void onlyAdministratorsAndManagersMayRead() {
        Pro nurse = Pro.login(server, "hoitaja", "hoitaja-demo");
        Pro editor = Pro.login(server, "saannot", "saannot-demo");
        for (Pro p : List.of(nurse, editor)) {
            HttpResponse<String> res = p.get("/api/insights/contacts?" + RANGE);
            assertEquals(403, res.statusCode());
            assertEquals("forbidden", Json.parseObject(res.body()).path("error").path("code").asText());
            assertEquals(403, p.get("/api/insights/").statusCode());
        }
        assertEquals(401, anonymous("/api/insights/contacts?" + RANGE).statusCode());
        Pro manager = Pro.login(server, ManagerRole.DEMO_USERNAME, ManagerRole.DEMO_PASSWORD);
        assertEquals(rows("contacts", RANGE).size(), Json.parseObject(manager.get("/api/insights/contacts?" + RANGE).body())
                .path("rows").size());
        JsonNode index = Json.parseObject(manager.get("/api/insights/").body());
        assertEquals(InsightsQuery.TABLES.size(), index.path("tables").size());
        assertTrue(index.path("queues").findValuesAsText("id").contains("mental-health"), index.toString());
    }

    @Test
    void prometheusCarriesTheSameFigures() {
        String text = scraper(SCRAPER_TOKEN).body();
        for (String line : List.of(
                "ikkuna_contacts_total{channel=\"chat\",service=\"health\"} 7.0",
                "ikkuna_contacts_total{channel=\"chat\",service=\"general\"} 3.0",
                "ikkuna_contacts_total{channel=\"chat\",service=\"dental\"} 1.0",
                "ikkuna_contacts_total{channel=\"appointment\",service=\"health\"} 1.0",
                "ikkuna_faq_self_service_ratio 0.5",
                "ikkuna_faq_answers{result=\"handed_to_person\"} 1.0",
                "ikkuna_queue_wait_seconds{quantile=\"0.5\",queue=\"health\"} 600.0",
                "ikkuna_queue_wait_seconds{quantile=\"0.9\",queue=\"health\"} 1800.0",
                "ikkuna_queue_waits{queue=\"health\"} 7.0",
                "ikkuna_queue_waits{queue=\"general\"} 2.0",
                "ikkuna_deadlines{queue=\"health\",status=\"met\"} 3.0",
                "ikkuna_deadlines{queue=\"health\",status=\"at_risk\"} 1.0",
                "ikkuna_deadlines{queue=\"health\",status=\"pending\"} 1.0",
                "ikkuna_deadlines{queue=\"dental\",status=\"missed\"} 1.0",
                "ikkuna_deadlines{queue=\"dental\",status=\"withdrawn\"} 1.0",
                "ikkuna_deadlines{queue=\"mental-health\",status=\"missed\"} 1.0",
                "ikkuna_deadline_emergencies{queue=\"health\"} 1.0",
                "ikkuna_abandoned_waits{queue=\"dental\"} 1.0",
                "ikkuna_waited_conversations{queue=\"health\"} 5.0",
                "ikkuna_ratings{score=\"5\"} 2.0",
                "ikkuna_rating_mean 3.8333",
                "ikkuna_triage_corrections{rule=\"fever-cough\"} 2.0",
                "ikkuna_triage_corrections{rule=\"none\"} 1.0")) {
            assertTrue(text.contains("\n" + line + "\n"), line + " missing in:\n" + text.lines().filter(l -> l.startsWith("ikkuna_"))
                    .reduce("", (a, b) -> a + b + "\n"));
        }
    }

    @Test
    void figuresComeFromTheDatabaseAcrossRestarts() {
        List<String> before = rows("waits", RANGE);
        server.restart();
        admin = Pro.login(server, "admin", "admin-demo");
        assertEquals(before, rows("waits", RANGE));
        assertTrue(scraper(SCRAPER_TOKEN).body().contains("ikkuna_deadlines{queue=\"health\",status=\"met\"} 3.0"));
    }
}
