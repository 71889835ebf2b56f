package fi.ikkuna.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import fi.ikkuna.support.Browser;
import fi.ikkuna.support.Pro;
import fi.ikkuna.support.Resident;
import fi.ikkuna.support.ServiceTest;
import fi.ikkuna.web.Json;
import fi.ikkuna.widget.Widget;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;

/**
 * Issue 5 end to end in real headless Chromium: a resident in the widget and professionals in the console,
 * each in its own browser, against the real service with the county's rules.
 */
@Tag("browser")
class ConsoleBrowserTest extends ServiceTest {
    private static final String QUESTION = "Minulla on ollut kuumetta ja yskää viikon ajan, haluaisin että hoitaja arvioi tilanteen";


    private String base() {
        return "http://127.0.0.1:" + server.port();
    }

    @Test
    void wholeFlowFromQuestionToRating() {
        try (Browser residentBrowser = Browser.start(); Browser proBrowser = Browser.start()) {
            Console console = new Console(proBrowser, base()).signIn("hoitaja", "hoitaja-demo");
            List<String> before = console.waiting();
            Widget resident = new Widget(residentBrowser, base()).demo("fi").open();
            resident.send(QUESTION);
            resident.waitMessage("resident", "kuumetta");
            if (residentBrowser.until(d -> d.findElement(By.id("feedback")).isDisplayed()
                    || !d.findElement(By.id("status")).getText().isEmpty() ? true : null)
                    && resident.byId("feedback").isDisplayed()) {
                resident.byId("faq-no").click();
            }
            String id = console.waitForNew(before);
            console.take(id);
            console.waitTranscript("kuumetta");
            console.reply("Hei, olen sairaanhoitaja. Kuinka korkea kuume on ollut?");
            try {
                resident.waitMessage("professional", "Kuinka korkea kuume");
            } catch (RuntimeException e) {
                throw new AssertionError("resident never saw the reply; widget shows " + resident.messages() + " status '"
                        + resident.byId("status").getText() + "' conn '" + resident.byId("conn").getText() + "' console shows "
                        + proBrowser.driver.findElement(By.id("transcript")).getText(), e);
            }
            resident.waitText("who", "Hanna Virtanen");

            console.transfer("mental-health", "Asukas haluaa puhua myös jaksamisestaan");
            // hoitaja does not serve mental-health: the conversation is revoked and leaves her screen (issue 13.6)
            proBrowser.until(d -> d.findElement(By.id("conversation")).isDisplayed() ? null : true);
            console.signOut().signIn("hoitaja2", "hoitaja2-demo");
            proBrowser.until(d -> console.boardShows(id) ? true : null);
            console.take(id);
            console.waitTranscript("Kuinka korkea kuume");
            console.reply("Hei, olen terveydenhoitaja. Jatketaan tästä.");
            resident.waitMessage("professional", "Jatketaan");
            console.close("advice_given");

            resident.waitVisible("ended");
            resident.byId("scores").findElement(By.cssSelector("input[value='4']")).click();
            resident.byId("r-comment").sendKeys("Sain apua nopeasti");
            resident.byId("r-send").click();
            residentBrowser.until(d -> d.findElement(By.id("rated")).getText().isEmpty() ? null : true);

            Pro admin = Pro.login(server, "admin", "admin-demo");
            JsonNode entries = Json.parseObject(admin.get("/api/audit/conversations/" + id).body()).path("entries");
            List<String> actions = entries.findValuesAsText("action");
            // Each saw the preview on her board before taking it over (docs/audit.md A3).
            assertEquals(List.of("board_preview", "claim", "board_preview", "claim"), actions, entries.toString());
            assertFalse(entries.get(1).path("professionalId").asText().equals(entries.get(3).path("professionalId").asText()));

            // The administrator reads the same log in the console, by conversation and by username.
            console.signOut().signIn("admin", "admin-demo");
            proBrowser.driver.findElement(By.id("audit-id")).sendKeys(id);
            proBrowser.driver.findElement(By.cssSelector("#audit-form button")).click();
            proBrowser.until(d -> d.findElements(By.cssSelector("#audit-table tbody tr")).size() == 4 ? true : null);
            String table = proBrowser.driver.findElement(By.id("audit-table")).getText();
            assertTrue(table.contains("(hoitaja)") && table.contains("(hoitaja2)"), table);
            new org.openqa.selenium.support.ui.Select(proBrowser.driver.findElement(By.id("audit-kind"))).selectByValue("professionals");
            proBrowser.driver.findElement(By.id("audit-id")).clear();
            proBrowser.driver.findElement(By.id("audit-id")).sendKeys("hoitaja2");
            proBrowser.driver.findElement(By.cssSelector("#audit-form button")).click();
            proBrowser.until(d -> d.findElement(By.id("audit-table")).getText().contains(id) ? true : null);
            assertEquals("[]", proBrowser.axeViolations(), "administrator view");
        }
    }

    @Test
    void consoleIsAxeCleanAndKeyboardUsable() {
        try (Browser browser = Browser.start(); Resident r = Resident.start(server, "fi")) {
            browser.driver.get(base() + "/console/");
            browser.until(d -> d.findElement(By.id("username")).isDisplayed() ? true : null);
            assertEquals("[]", browser.axeViolations(), "sign-in view");
            Console console = new Console(browser, base()).signIn("hoitaja", "hoitaja-demo");
            r.say(QUESTION);
            if (r.ws.await("triage").path("answered").asBoolean()) {
                r.ws.send(Json.object().put("type", "faq_feedback").put("helpful", false));
            }
            browser.until(d -> console.boardShows(r.conversationId) ? true : null);
            assertEquals("[]", browser.axeViolations(), "board view");
            // The board re-renders live: a row found a moment ago may be replaced, so retry on a stale element.
            browser.until(d -> {
                try {
                    d.findElement(By.cssSelector("#queues tr[data-conversation='" + r.conversationId + "'] button")).sendKeys(Keys.ENTER);
                    return true;
                } catch (StaleElementReferenceException e) {
                    return null;
                }
            });
            console.waitTranscript("kuumetta");
            assertEquals("reply", browser.driver.switchTo().activeElement().getDomAttribute("id"), "focus moves to the reply box");
            assertEquals("[]", browser.axeViolations(), "conversation view");
        }
    }

    @Test
    void twoConsolesRaceForOneConversation() {
        try (Browser a = Browser.start(); Browser b = Browser.start(); Resident r = Resident.start(server, "fi")) {
            Console nurse = new Console(a, base()).signIn("hoitaja", "hoitaja-demo");
            Console admin = new Console(b, base()).signIn("admin", "admin-demo");
            r.say(QUESTION);
            if (r.ws.await("triage").path("answered").asBoolean()) {
                r.ws.send(Json.object().put("type", "faq_feedback").put("helpful", false));
            }
            a.until(d -> nurse.boardShows(r.conversationId) ? true : null);
            b.until(d -> admin.boardShows(r.conversationId) ? true : null);
            // Both screens show the row; the nurse is first, the administrator clicks the same (now stale) row.
            admin.arm(r.conversationId);
            nurse.take(r.conversationId);
            admin.fireArmed();
            a.until(d -> nurse.metaState().equals("assigned") ? true : null);
            b.until(d -> admin.status().contains("Hanna Virtanen") ? true : null);
            assertTrue(b.driver.findElement(By.id("conversation")).getDomAttribute("hidden") != null,
                    "the losing console must not show the conversation");
        }
    }

    @Test
    void otherQueuesStayInvisibleAndCsrfIsEnforced() {
        try (Browser browser = Browser.start(); Resident r = Resident.start(server, "fi")) {
            r.say(QUESTION);
            Console social = new Console(browser, base()).signIn("sosiaali", "sosiaali-demo");
            browser.driver.findElement(By.id("open-id")).sendKeys(r.conversationId);
            browser.driver.findElement(By.cssSelector("#open-form button")).click();
            browser.until(d -> social.status().contains("ei löytynyt") ? true : null);
            assertFalse(social.boardShows(r.conversationId));
            Object status = social.js("const done = arguments[0];"
                    + "fetch('/api/auth/logout', {method: 'POST', credentials: 'same-origin'}).then(r => done(r.status));");
            assertEquals(403L, status);
        }
    }
}
