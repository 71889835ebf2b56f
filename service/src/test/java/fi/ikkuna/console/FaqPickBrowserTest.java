package fi.ikkuna.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.ikkuna.support.Browser;
import fi.ikkuna.support.Pro;
import fi.ikkuna.support.Resident;
import fi.ikkuna.support.ServiceTest;
import fi.ikkuna.web.Json;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 12.3 in real Chromium: the assignee picks, in the conversation view, the FAQ entry that would have answered
 * the resident (entries in the conversation's language); the rules editor sees it in the workbench and accepts it as
 * a variant into the open draft. Both pages axe-clean.
 */
@Tag("browser")
class FaqPickBrowserTest extends ServiceTest {
    private static final String QUESTION = "Isä tarvii apua kaupassa käyntiin ja siivoukseen";

    private String base() {
        return "http://127.0.0.1:" + server.port();
    }

    @Test
    void theAssigneePicksAndTheEditorAcceptsTheVariant() {
        try (Browser proBrowser = Browser.start(); Resident r = Resident.start(server, "fi")) {
            Console console = new Console(proBrowser, base()).signIn("sosiaali", "sosiaali-demo");
            r.say(QUESTION);
            r.ws.await("state", st -> "queued".equals(st.path("state").asText()));
            proBrowser.until(d -> console.boardShows(r.conversationId) ? true : null);
            console.take(r.conversationId);
            console.waitTranscript("kaupassa");
            proBrowser.until(d -> d.findElement(By.id("faq-pick-form")).isDisplayed()
                    && d.findElements(By.cssSelector("#faq-pick-entry option[value='fi-kotihoito']")).size() == 1 ? true : null);
            assertTrue(proBrowser.driver.findElements(By.cssSelector("#faq-pick-entry option[value^='en-']")).isEmpty(),
                    "only entries in the conversation's language");
            new Select(proBrowser.driver.findElement(By.id("faq-pick-entry"))).selectByValue("fi-kotihoito");
            proBrowser.driver.findElement(By.cssSelector("#faq-pick-form button[type=submit]")).click();
            proBrowser.until(d -> "Ehdotus tallennettu sääntöjen ylläpidolle.".equals(d.findElement(By.id("faq-pick-status")).getText())
                    ? true : null);
            assertEquals("[]", proBrowser.axeViolations(), "conversation view with the FAQ picker used");
        }
        Pro editor = Pro.login(server, "saannot", "saannot-demo");
        try (Browser b = Browser.start()) {
            b.driver.get(base() + "/console/");
            b.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("saannot");
            b.driver.findElement(By.id("password")).sendKeys("saannot-demo");
            b.driver.findElement(By.cssSelector("#login-form button[type=submit]")).click();
            b.until(d -> d.getCurrentUrl().contains("workbench") ? true : null);
            b.until(ExpectedConditions.elementToBeClickable(By.id("new-draft"))).click();
            b.until(ExpectedConditions.visibilityOfElementLocated(By.id("draft")));
            String row = "#faq-proposals tbody tr";
            b.until(d -> d.findElements(By.cssSelector(row)).size() == 1 ? true : null);
            assertTrue(b.driver.findElement(By.cssSelector(row)).getText().contains("kaupassa käyntiin"));
            b.driver.findElement(By.cssSelector(row + " button")).click();
            b.until(d -> d.findElement(By.id("status")).getText().contains("faq/accepted-variants.yaml") ? true : null);
            assertEquals("[]", b.axeViolations(), "workbench with the proposals table");
        }
        String draftId = Json.parseObject(editor.get("/api/workbench/drafts/").body()).path("drafts").path(0).path("id").asText();
        String file = Json.parseObject(editor.get("/api/workbench/drafts/" + draftId).body()).path("files")
                .path("faq/accepted-variants.yaml").asText();
        assertTrue(file.contains("entry: fi-kotihoito") && file.contains("kaupassa"), file);
    }
}
