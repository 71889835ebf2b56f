package fi.ikkuna.insights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import fi.ikkuna.auth.Accounts;
import fi.ikkuna.support.Browser;
import fi.ikkuna.support.ServiceTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The dashboard in real headless Chromium over {@link KnownHistory}: charts, table alternatives, filters, CSV, axe. */
@Tag("browser")
class InsightsBrowserTest extends ServiceTest {
    private String base;

    @BeforeAll
    void seed() {
        try (HistorySeed seed = new HistorySeed(backend)) {
            KnownHistory.seed(seed, Instant.now());
            ManagerRole.doSeedDemo(new Accounts(seed.db()));
        }
        base = "http://127.0.0.1:" + server.port();
    }

    private static void signIn(Browser b, String base, String user, String password) {
        b.driver.get(base + "/console/insights.html");
        b.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        b.driver.findElement(By.id("username")).sendKeys(user);
        b.driver.findElement(By.id("password")).sendKeys(password, Keys.ENTER);
    }

    /** Sets the date range and applies it with the keyboard (Enter in the form). */
    private static void range(Browser b, String from, String to, String queue) {
        b.until(ExpectedConditions.visibilityOfElementLocated(By.id("dashboard")));
        // Date inputs take typed text in the browser's locale format; the value property is locale-free.
        b.driver.executeScript("document.getElementById('from').value = arguments[0]; document.getElementById('to').value = arguments[1];",
                from, to);
        WebElement select = b.driver.findElement(By.id("queue"));
        select.sendKeys(queue.isEmpty() ? Keys.HOME : Keys.NULL);
        if (!queue.isEmpty()) {
            new org.openqa.selenium.support.ui.Select(select).selectByValue(queue);
        }
        b.driver.executeScript("document.getElementById('status').textContent = ''");
        b.driver.findElement(By.id("to")).sendKeys(Keys.ENTER);
        b.until(d -> d.findElement(By.id("status")).getText().isEmpty() ? null : true);
        b.until(d -> d.findElement(By.id("status")).getText().contains("…") ? null : true);
    }

    private static List<String> rows(Browser b, String table) {
        return b.driver.findElements(By.cssSelector("#table-" + table + " tbody tr")).stream()
                .map(tr -> tr.findElements(By.cssSelector("th, td")).stream().map(WebElement::getText).reduce((x, y) -> x + "|" + y).orElse(""))
                .toList();
    }

    @Test
    void dashboardShowsChartsAndTablesForTheSeededHistory() throws Exception {
        try (Browser b = Browser.start(1280, 4200)) {
            // Chart.js must work under the console's strict CSP (no inline style or script): record any violation.
            b.driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                    "window.cspViolations = []; document.addEventListener('securitypolicyviolation',"
                            + " e => window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));"));
            signIn(b, base, "admin", "admin-demo");
            range(b, KnownHistory.D1.toString(), KnownHistory.D2.toString(), "");
            for (String t : InsightsQuery.TABLES) {
                Object points = b.driver.executeScript("const c = Chart.getChart(document.getElementById('chart-' + arguments[0]));"
                        + "return c ? c.data.datasets.reduce((n, d) => n + d.data.filter(v => v !== null).length, 0) : -1;", t);
                assertTrue(((Number) points).intValue() > 0, t + " chart has no data: " + points);
                assertTrue(b.driver.findElement(By.id("csv-" + t)).getDomAttribute("href").endsWith("format=csv"), t);
            }
            assertEquals(List.of("2025-03-03|chat|general|1", "2025-03-03|chat|health|2", "2025-03-03|form|dental|1",
                    "2025-03-04|appointment|health|1", "2025-03-04|chat|general|2", "2025-03-04|chat|health|1",
                    "2025-03-04|form|mental-health|1").size(), rows(b, "contacts").size());
            assertEquals("yhteensä|3|1|1|1|50 %", rows(b, "faq").get(2));
            assertTrue(rows(b, "ratings").contains("yhteensä|6|3,83|0|1|1|2|2"), rows(b, "ratings").toString());
            assertTrue(rows(b, "waits").stream().anyMatch(r -> r.endsWith("|09–10|4|10 min|30 min")), rows(b, "waits").toString());
            assertTrue(rows(b, "corrections").stream().anyMatch(r -> r.startsWith("fever-cough|yhteensä|yhteensä|2")),
                    rows(b, "corrections").toString());
            Object contactsChart = b.driver.executeScript("const c = Chart.getChart(document.getElementById('chart-contacts'));"
                    + "return c.data.datasets.map(d => d.data.reduce((a, v) => a + v, 0)).reduce((a, v) => a + v, 0);");
            assertEquals(9L, ((Number) contactsChart).longValue(), "the chart sums to the table's contacts");
            assertEquals("[]", String.valueOf(b.driver.executeScript("return JSON.stringify(window.cspViolations)")));
            // Keyboard: from the apply button, Tab reaches the first card's CSV link and then its scrollable table.
            b.driver.findElement(By.cssSelector("#filters button")).sendKeys(Keys.TAB);
            assertEquals("csv-contacts", b.driver.switchTo().activeElement().getDomAttribute("id"));
            b.driver.switchTo().activeElement().sendKeys(Keys.TAB);
            assertEquals("cap-contacts", b.driver.switchTo().activeElement().getDomAttribute("aria-labelledby"));
            Files.write(Path.of("target/insights-dashboard.png"), b.driver.getScreenshotAs(OutputType.BYTES));
            assertEquals("[]", b.axeViolations(), "dashboard");

            range(b, KnownHistory.D1.toString(), KnownHistory.D2.toString(), "health");
            assertEquals(List.of("2025-03-03|chat|Terveyspalvelut|1", "2025-03-04|etävastaanotto|Terveyspalvelut|1"), rows(b, "contacts"));
            assertTrue(b.driver.findElement(By.id("csv-waits")).getDomAttribute("href").contains("queue=health"));

            new org.openqa.selenium.support.ui.Select(b.driver.findElement(By.id("lang"))).selectByValue("sv");
            b.until(d -> d.findElement(By.id("h-ratings")).getText().equals("Kundnöjdhet") ? true : null);
            b.until(d -> rows(b, "ratings").contains("totalt|2|4,5|0|0|0|1|1") ? true : null);
            assertEquals("[]", b.axeViolations(), "dashboard in Swedish, filtered");
        }
    }

    /**
     * Issue 14.10 at 1280 px: every table's columns fit its card (none hidden to the right), waits under a minute
     * read in seconds, emergencies have their own column, and chart legends name services instead of showing ids.
     */
    @Test
    void tablesFitAt1280WaitsInSecondsLegendsByName() {
        try (Browser b = Browser.start(1280, 900)) {
            signIn(b, base, "admin", "admin-demo");
            range(b, KnownHistory.D1.toString(), KnownHistory.D4.toString(), "");
            for (String t : InsightsQuery.TABLES) {
                Object overflow = b.driver.executeScript("const w = document.querySelector('#insight-' + arguments[0] + ' .table-wrap');"
                        + "return w.scrollWidth - w.clientWidth;", t);
                assertTrue(((Number) overflow).intValue() <= 0, t + " table is " + overflow + " px wider than its card at 1280 px");
            }
            Object legends = b.driver.executeScript("return Chart.getChart(document.getElementById('chart-contacts')).data.datasets.map(d => d.label);");
            for (Object label : (List<?>) legends) {
                assertTrue(!label.toString().matches(".*\\b(health|dental|general|mental-health|mental_health)\\b.*"), "raw id in legend: " + legends);
            }
            assertTrue(legends.toString().contains("Terveyspalvelut"), legends.toString());
            range(b, KnownHistory.D4.toString(), KnownHistory.D4.toString(), "");
            assertEquals(List.of("Terveysasemien hoidon tarpeen arvio|10–11|1|45 s|45 s", "Terveysasemien hoidon tarpeen arvio|yhteensä|1|45 s|45 s"),
                    rows(b, "waits"));
            assertEquals("yhteensä|0|0|0|0|0|–|1|45 s", rows(b, "deadlines").get(1));
        }
    }

    @Test
    void professionalsAreToldTheyHaveNoAccess() {
        try (Browser b = Browser.start()) {
            signIn(b, base, "hoitaja", "hoitaja-demo");
            // Signing in here takes a professional to her own page (issue 14.9); coming back shows she has no access.
            b.until(d -> d.getCurrentUrl().endsWith("/console/") ? true : null);
            b.driver.get(base + "/console/insights.html");
            b.until(ExpectedConditions.visibilityOfElementLocated(By.id("no-access")));
            assertTrue(b.driver.findElement(By.id("dashboard")).getDomAttribute("hidden") != null);
            assertEquals("[]", b.axeViolations(), "no-access view");
        }
    }

    @Test
    void managerSeesTheDashboard() {
        try (Browser b = Browser.start()) {
            signIn(b, base, ManagerRole.DEMO_USERNAME, ManagerRole.DEMO_PASSWORD);
            range(b, KnownHistory.D1.toString(), KnownHistory.D2.toString(), "");
            assertEquals(8, rows(b, "abandoned").size());
        }
    }
}
