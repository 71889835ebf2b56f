package fi.ikkuna.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import fi.ikkuna.support.Browser;
import fi.ikkuna.support.Frames;
import fi.ikkuna.support.Pro;
import fi.ikkuna.support.Resident;
import fi.ikkuna.support.ServiceTest;
import fi.ikkuna.support.WsTestClient;
import fi.ikkuna.web.Json;
import fi.ikkuna.widget.Widget;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Issue 14.1, 14.4 and 14.5 in real Chromium: the console and the widget follow every lifecycle step, note and
 * reply are separate actions, and a conversation whose professional left comes back with a badge and a plain notice.
 * The lease's grace is 2 s here; every wait is bounded polling (Browser.WAIT), never a sleep.
 */
@Tag("browser")
class ConsoleLifecycleBrowserTest extends ServiceTest {
    private static final String QUESTION = "Minulla on ollut kuumetta ja yskää viikon ajan, haluaisin että hoitaja arvioi tilanteen";

    @Override
    protected Map<String, String> config() {
        return Map.of("ikkuna.queue.assignee-grace", "PT2S", "ikkuna.queue.lease-sweep-ms", "100");
    }

    private String base() {
        return "http://127.0.0.1:" + server.port();
    }

    /** A question in the widget that waits for a person (an FAQ answer is declined). */
    private Widget ask(Browser browser) {
        Widget w = new Widget(browser, base()).demo("fi").open();
        w.send(QUESTION);
        w.waitMessage("resident", "kuumetta");
        if (browser.until(d -> d.findElement(By.id("feedback")).isDisplayed()
                || !d.findElement(By.id("status")).getText().isEmpty() ? true : null) && w.byId("feedback").isDisplayed()) {
            w.byId("faq-no").click();
        }
        return w;
    }

    private static boolean shown(Browser b, String id) {
        return b.driver.findElement(By.id(id)).isDisplayed();
    }

    /** The strip never names an answering professional while it also shows a queue place, and vice versa. */
    private static void assertConsistent(Widget w) {
        boolean who = w.byId("who").isDisplayed();
        String status = w.byId("status").getText();
        assertFalse(who && status.contains("jonossa"), "assignee and queue at once: '" + w.byId("who").getText() + "' / '" + status + "'");
    }

    @Test
    void everyStateChangeUpdatesBothSides() {
        try (Browser residentBrowser = Browser.start(); Browser proBrowser = Browser.start()) {
            Console console = new Console(proBrowser, base()).signIn("hoitaja", "hoitaja-demo");
            java.util.List<String> before = console.waiting();
            Widget resident = ask(residentBrowser);
            String id = console.waitForNew(before);
            console.take(id);
            console.waitTranscript("kuumetta");
            assertTrue(shown(proBrowser, "send-reply") && shown(proBrowser, "conv-actions"));
            resident.waitText("who", "Hanna Virtanen");
            assertConsistent(resident);

            // Transfer to a queue she also serves: the conversation stays on her screen, read-only, and says so.
            console.transfer("general", "Yleinen neuvonta hoitaa tämän");
            proBrowser.until(d -> d.findElement(By.id("conv-notice")).getText().contains("siirrettiin") ? true : null);
            assertFalse(shown(proBrowser, "send-reply"), "no reply box for a conversation that is not hers now");
            assertFalse(shown(proBrowser, "conv-actions"));
            assertTrue(shown(proBrowser, "conv-take"));
            assertEquals("queued", console.metaState());
            resident.waitText("status", "jonossa");
            residentBrowser.until(d -> d.findElement(By.id("who")).isDisplayed() ? null : true);
            assertConsistent(resident);
            assertTrue(resident.byId("log").getText().contains("siirsi keskustelusi"), resident.byId("log").getText());

            // Taking it again from the same view; then closing: both sides end consistently.
            proBrowser.driver.findElement(By.id("conv-take")).click();
            proBrowser.until(d -> shown(proBrowser, "send-reply") ? true : null);
            resident.waitText("who", "Hanna Virtanen");
            assertConsistent(resident);
            console.reply("Hei, jatketaan tästä.");
            resident.waitMessage("professional", "jatketaan");
            console.close("advice_given");
            proBrowser.until(d -> d.findElement(By.id("conv-notice")).getText().contains("päätetty") ? true : null);
            assertFalse(shown(proBrowser, "send-reply"));
            assertFalse(shown(proBrowser, "conv-take"));
            resident.waitVisible("ended");
            assertFalse(resident.byId("who").isDisplayed());
            String page = proBrowser.driver.findElement(By.tagName("body")).getText();
            assertFalse(page.contains("Take the conversation first"), page);
        }
    }

    /** Note and reply are two buttons; nothing stays set after sending, so the next reply reaches the resident. */
    @Test
    void noteAndReplyAreSeparateActions() {
        try (Browser proBrowser = Browser.start(); Resident r = Resident.start(server, "fi")) {
            Console console = new Console(proBrowser, base()).signIn("hoitaja", "hoitaja-demo");
            r.say(QUESTION);
            if (r.ws.await("triage").path("answered").asBoolean()) {
                r.ws.send(Json.object().put("type", "faq_feedback").put("helpful", false));
            }
            proBrowser.until(d -> console.boardShows(r.conversationId) ? true : null);
            console.take(r.conversationId);
            console.waitTranscript("kuumetta");

            WebElement box = proBrowser.driver.findElement(By.id("reply"));
            box.sendKeys("Sisäinen: soita takaisin iltapäivällä");
            proBrowser.driver.findElement(By.id("send-note")).click();
            proBrowser.until(d -> d.findElement(By.cssSelector("#transcript li.internal")).getText().contains("soita takaisin") ? true : null);
            assertEquals("", box.getDomProperty("value"), "the box is empty after the note");

            box.sendKeys("Hei! Kuinka korkea kuume on ollut?");
            proBrowser.driver.findElement(By.id("send-reply")).click();
            assertEquals("professional", r.ws.await("message", m -> m.path("text").asText().contains("Kuinka korkea")).path("author").asText());
            assertEquals("", box.getDomProperty("value"));
            assertTrue(r.ws.all("message").stream().noneMatch(m -> m.path("text").asText().contains("soita takaisin")),
                    "the note never reaches the resident");
            assertEquals("[]", proBrowser.axeViolations(), "conversation view with both actions");
        }
    }

    /**
     * The nurse's console disappears: after the grace the conversation is back first in the queue with a badge on a
     * colleague's board, and the resident reads in plain Finnish that the nurse is gone. Then the explicit way out:
     * "hand back and sign out" returns a colleague's conversation at once.
     */
    @Test
    void aConversationWhoseProfessionalLeftComesBackWithABadgeAndANotice() {
        try (Browser residentBrowser = Browser.start(); Browser proBrowser = Browser.start()) {
            Console admin = new Console(proBrowser, base()).signIn("admin", "admin-demo");
            java.util.List<String> before = admin.waiting();
            Widget resident = ask(residentBrowser);
            String id = admin.waitForNew(before);
            WsTestClient nurse = Pro.login(server, "hoitaja", "hoitaja-demo").connect();
            nurse.send(Frames.pro("claim", id));
            nurse.await("claimed");
            resident.waitText("who", "Hanna Virtanen");
            nurse.closeNormally();

            proBrowser.until(d -> d.findElements(By.cssSelector("#queues tr[data-conversation='" + id + "'][data-returned='lease_expired']"))
                    .isEmpty() ? null : true);
            String row = proBrowser.driver.findElement(By.cssSelector("#queues tr[data-conversation='" + id + "'] .badge")).getText();
            assertTrue(row.contains("käsittelijä poistui"), row);
            resident.waitText("log", "Hanna Virtanen ei ole enää paikalla");
            residentBrowser.until(d -> d.findElement(By.id("who")).isDisplayed() ? null : true);
            assertConsistent(resident);

            // The second nurse takes it in her console and signs out with "hand back": it is back at once.
            admin.signOut().signIn("hoitaja", "hoitaja-demo");
            admin.take(id);
            admin.waitTranscript("kuumetta");
            resident.waitText("who", "Hanna Virtanen");
            proBrowser.driver.findElement(By.id("handback-logout")).click();
            proBrowser.until(d -> d.findElement(By.id("login-view")).isDisplayed() ? true : null);
            resident.waitText("log", "joutui lopettamaan");
            try (WsTestClient any = Pro.login(server, "admin", "admin-demo").connect()) {
                var items = any.await("queue_snapshot", s -> s.path("items").findValuesAsText("id").contains(id)).path("items");
                for (var item : items) {
                    if (id.equals(item.path("id").asText())) {
                        assertEquals("handed_back", item.path("returned").asText(), item.toString());
                    }
                }
                any.closeNormally();
            }
        }
    }

    /**
     * Issue 12: on a contact the triage raised as an emergency the assignee marks "not an emergency" with the urgency
     * it really has; the urgency shown changes and the form goes (it is only for emergencies).
     */
    @Test
    void theAssigneeMarksARaisedEmergencyAsNotOne() {
        try (Browser proBrowser = Browser.start(); Resident r = Resident.start(server, "fi")) {
            Console console = new Console(proBrowser, base()).signIn("hoitaja", "hoitaja-demo");
            r.say("Rintaa puristaa kovasti ja hikoiluttaa");
            r.ws.await("state", st -> "emergency".equals(st.path("urgency").asText()));
            proBrowser.until(d -> console.boardShows(r.conversationId) ? true : null);
            console.take(r.conversationId);
            console.waitTranscript("Rintaa puristaa");
            WebElement form = proBrowser.until(d -> d.findElement(By.id("not-emergency-form")).isDisplayed()
                    ? d.findElement(By.id("not-emergency-form")) : null);
            new org.openqa.selenium.support.ui.Select(proBrowser.driver.findElement(By.id("corrected-urgency"))).selectByValue("urgent");
            proBrowser.driver.findElement(By.id("corrected-reason")).sendKeys("Lihasperäistä, soitin takaisin");
            form.findElement(By.cssSelector("button[type=submit]")).click();
            proBrowser.until(d -> "urgent".equals(d.findElement(By.cssSelector("#conv-meta [data-field='urgency']")).getDomAttribute("data-value"))
                    ? true : null);
            assertEquals("kiireellinen", proBrowser.driver.findElement(By.cssSelector("#conv-meta [data-field='urgency']")).getText());
            assertTrue(!form.isDisplayed(), "the correction is offered only for an emergency");
            assertEquals("[]", proBrowser.axeViolations(), "conversation view with the correction form used");
        }
    }
}
