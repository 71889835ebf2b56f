package fi.ikkuna.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fi.ikkuna.support.Browser;
import fi.ikkuna.support.EnglishText;
import fi.ikkuna.support.Resident;
import fi.ikkuna.support.ServiceTest;
import fi.ikkuna.support.WorkbenchPage;
import fi.ikkuna.web.Json;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Issue 14.7: a Finnish console and workbench stay Finnish, in a browser whose own language is American English:
 * server refusals, states, services, queues, triage reasons and dates all come in Finnish.
 */
@Tag("browser")
class OneLanguageBrowserTest extends ServiceTest {
    static final Path WEB = Path.of("src/main/resources/web/console/i18n");
    private static final String QUESTION = "Minulla on ollut kuumetta ja yskää viikon ajan, haluaisin että hoitaja arvioi tilanteen";
    // An American browser's default date (12/3/2025, 3:04:05 PM) and time (3:04:05 PM) formats.
    private static final String BROWSER_DATE = "(?s).*(\\d{1,2}/\\d{1,2}/\\d{4}|\\d{1,2}:\\d{2}(:\\d{2})? ?[AP]M).*";

    @Override
    protected Map<String, String> config() {
        return Map.of("ikkuna.widget.opening-hours", "always");
    }

    private String base() {
        return "http://127.0.0.1:" + server.port();
    }

    private static String text(Browser b) {
        return EnglishText.visibleText((JavascriptExecutor) b.driver);
    }

    @Test
    void consoleShowsNoEnglishAndNoRawCodes() {
        EnglishText english = EnglishText.forBundles(List.of(WEB.resolve("en.json")), List.of(WEB.resolve("fi.json")));
        try (Browser b = Browser.start(1280, 900, "en-US"); Resident r = Resident.start(server, "fi")) {
            Console console = new Console(b, base()).signIn("hoitaja", "hoitaja-demo");
            r.say(QUESTION);
            if (r.ws.await("triage").path("answered").asBoolean()) {
                r.ws.send(Json.object().put("type", "faq_feedback").put("helpful", false));
            }
            b.until(d -> console.boardShows(r.conversationId) ? true : null);
            console.take(r.conversationId);
            console.waitTranscript("kuumetta");
            b.until(d -> "assigned".equals(console.metaState()) ? true : null);
            String meta = b.driver.findElement(By.id("conv-meta")).getText();
            for (String raw : List.of("assigned", "health", "non_urgent", "urgent")) {
                assertFalse(meta.matches("(?s).*\\b" + raw + "\\b.*"), "raw code " + raw + " in " + meta);
            }
            assertTrue(meta.contains("käsittelyssä") && meta.contains("Terveyspalvelut"), meta);
            assertFalse(text(b).matches(BROWSER_DATE), "browser-locale date in: " + text(b));

            // A refusal from the server: an id that is not in her queues.
            b.driver.findElement(By.id("open-id")).sendKeys("00000000-0000-0000-0000-000000000001");
            b.driver.findElement(By.cssSelector("#open-form button")).click();
            b.until(d -> console.status().contains("ei löytynyt") ? true : null);

            String screen = text(b);
            assertEquals(Set.of(), english.in(screen), screen);
        }
    }

    @Test
    void workbenchShowsNoEnglish() throws Exception {
        EnglishText english = EnglishText.forBundles(List.of(WEB.resolve("en.json"), WEB.resolve("workbench-en.json")),
                List.of(WEB.resolve("fi.json"), WEB.resolve("workbench-fi.json")));
        Path notZip = Files.createTempFile("ikkuna-not-a-zip", ".zip");
        Files.writeString(notZip, "not a zip");
        try (Browser b = Browser.start(1280, 900, "en-US")) {
            WorkbenchPage.signIn(b, base());
            b.driver.findElement(By.id("new-draft")).click();
            b.until(ExpectedConditions.visibilityOfElementLocated(By.id("draft")));
            b.driver.findElement(By.id("new-file")).sendKeys("faq/kieli.yaml");
            b.driver.findElement(By.id("add-file")).click();
            WorkbenchPage.type(b, "entries:\n  - id: x\n    lang: xx\n    colour: red\n");
            b.until(d -> d.findElement(By.id("validation")).getText().startsWith("Rivi ") ? true : null);
            assertEquals(Set.of(), english.in(text(b)), "validation: " + text(b));

            b.driver.findElement(By.id("try-text")).sendKeys(QUESTION);
            b.driver.findElement(By.cssSelector("#try-form button")).click();
            b.until(d -> d.findElement(By.id("try-draft")).getText().contains("kiireellisyys") ? true : null);
            b.driver.findElement(By.id("import")).sendKeys(notZip.toString());
            WorkbenchPage.dialogButton(b, "Hylkää muutokset").click();
            b.until(d -> d.findElement(By.id("status")).getText().startsWith("Zip-tiedosto") ? true : null);

            String screen = text(b);
            assertFalse(screen.matches(BROWSER_DATE), "browser-locale date in: " + screen);
            assertEquals(Set.of(), english.in(screen), screen);
        } finally {
            Files.deleteIfExists(notZip);
        }
    }
}
