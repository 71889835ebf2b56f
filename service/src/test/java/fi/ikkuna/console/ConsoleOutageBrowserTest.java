package fi.ikkuna.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import fi.ikkuna.support.Browser;
import fi.ikkuna.support.Frames;
import fi.ikkuna.support.OutageServer;
import fi.ikkuna.support.Pro;
import fi.ikkuna.support.Resident;
import fi.ikkuna.support.WsTestClient;
import fi.ikkuna.web.Json;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 13.8 in the console, real headless Chromium: while the service's MariaDB does not answer, a professional's
 * reply is refused with {@code unavailable}; a banner says nothing can be saved and the reply goes back into the box.
 * Health brings the banner down by itself once the database is back, and the reply sent again arrives once. An
 * idle console shows the banner from its health poll alone.
 */
@Tag("mariadb")
@Tag("browser")
class ConsoleOutageBrowserTest {
    private static final String REPLY = "Hei, olen sairaanhoitaja. Kuinka korkea kuume on ollut?";

    @Test
    void bannerWhileTheDatabaseIsAwayAndTheReplyIsKept() {
        try (OutageServer service = new OutageServer(Map.of()); Browser browser = Browser.start();
             Resident resident = Resident.start(service.server, "fi")) {
            Console console = new Console(browser, "http://127.0.0.1:" + service.server.port()).signIn("admin", "admin-demo");
            resident.say("Minulla on ollut kuumetta ja yskää viikon ajan, haluaisin että hoitaja arvioi tilanteen");
            if (resident.ws.await("triage").path("answered").asBoolean()) {
                resident.ws.send(Json.object().put("type", "faq_feedback").put("helpful", false));
            }
            browser.until(d -> console.boardShows(resident.conversationId) ? true : null);
            console.take(resident.conversationId);
            console.waitTranscript("kuumetta");
            assertTrue(banner(browser).isEmpty());

            service.stopDatabase();
            browser.driver.findElement(By.id("reply")).sendKeys(REPLY);
            browser.driver.findElement(By.cssSelector("#reply-form button[type=submit]")).click();
            browser.until(d -> banner(browser).contains("tietokanta on hetkellisesti poissa käytöstä") ? true : null);
            browser.until(d -> REPLY.equals(d.findElement(By.id("reply")).getDomProperty("value")) ? true : null);
            assertEquals("status", browser.driver.findElement(By.id("outage")).getDomAttribute("role"));
            assertEquals("[]", browser.axeViolations(), "console with the outage banner");

            service.startDatabase();
            new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> banner(browser).isEmpty() ? true : null);
            browser.driver.findElement(By.cssSelector("#reply-form button[type=submit]")).click();
            resident.ws.await("message", m -> REPLY.equals(m.path("text").asText()));
            console.waitTranscript("Kuinka korkea kuume");
            long received = resident.ws.all("message").stream().filter(m -> REPLY.equals(m.path("text").asText())).count();
            assertEquals(1, received, "the reply reached the resident once");
            try (WsTestClient admin = Pro.login(service.server, "admin", "admin-demo").connect()) {
                admin.send(Frames.pro("open", resident.conversationId));
                List<String> texts = admin.await("opened").path("messages").findValuesAsText("text");
                assertEquals(1, texts.stream().filter(REPLY::equals).count(), "stored once: " + texts);
            }
            List<String> transcript = browser.driver.findElements(By.cssSelector("#transcript li .text")).stream()
                    .map(e -> e.getText()).filter(REPLY::equals).toList();
            assertEquals(1, transcript.size(), "shown once in the console");

            // An idle console learns of an outage too: it polls health (every 15 s while the database is up).
            service.stopDatabase();
            new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> banner(browser).isEmpty() ? null : true);
            service.startDatabase();
            new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> banner(browser).isEmpty() ? true : null);
        }
    }

    private static String banner(Browser browser) {
        return browser.driver.findElement(By.id("outage")).getText();
    }
}
