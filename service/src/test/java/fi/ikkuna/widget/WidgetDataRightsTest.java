package fi.ikkuna.widget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.ikkuna.support.EnglishText;
import fi.ikkuna.support.OidcProvider;
import fi.ikkuna.support.WsTestClient;
import fi.ikkuna.web.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * "Omat tietoni" in headless Chromium (docs/data-rights.md): the resident identifies in the popup against the real
 * provider, opens the view with the keyboard, sees their conversation and who read it, switches language and
 * downloads both files; what they wrote stays text everywhere; axe-clean.
 */
class WidgetDataRightsTest extends BrowserTestBase {
    private static final String WRITTEN = "Polvi <img src=x onerror=alert(1)> on kipeä";
    private final OidcProvider provider = new OidcProvider(true);

    @Override
    protected Map<String, String> config() {
        Map<String, String> c = provider.identificationConfig(Map.of(), "suomifi", "ikkuna-widget-test");
        c.put("ikkuna.identification.client-secret", "secret");
        // Nobody staffs the widget (administrators do not count): the chat offers the contact request (W4).
        c.put("ikkuna.widget.when-nobody-online", "contact-request");
        return c;
    }

    @AfterAll
    void stopProvider() {
        provider.close();
    }

    /** W3: identified, the resident reaches "My data" by keyboard, reads it in fi and sv and downloads JSON and HTML. */
    @Test
    void identifiedResidentSeesAndDownloadsTheirData() {
        widget.demo("fi").open();
        widget.send(WRITTEN);
        widget.waitMessage("resident", "on kipeä");
        String id = conversationId();
        try (WsTestClient pro = claim(id)) {
            assertFalse(widget.byId("mydata-open").isDisplayed(), "no way to a person's data before identification");
            identifyInPopup("131052-308T");
            widget.waitText("ident-status", "Olet tunnistautunut vahvasti");
            pro.await("identification", f -> "identified".equals(f.path("status").asText()));

            widget.waitVisible("mydata-open");
            widget.byId("mydata-open").sendKeys(Keys.ENTER);
            widget.waitVisible("mydata-contacts");
            assertEquals("mydata-title", widget.js("return document.activeElement.id"), "focus moves to the view's heading");
            assertFalse(widget.byId("composer").isDisplayed());
            widget.waitText("mydata-access", "pääkäyttäjä");
            widget.waitText("mydata-access", "otti keskustelun hoitaakseen");
            assertFalse(widget.byId("mydata-access").getText().contains("Antti Järvinen"), "no names unless configured");

            // The conversation opens from the keyboard; the resident's words are text, not markup.
            var summary = widget.driver.findElement(By.cssSelector("#mydata-contacts details summary"));
            summary.sendKeys(Keys.ENTER);
            widget.waitText("mydata-contacts", WRITTEN);
            assertEquals(0L, widget.js("return document.querySelectorAll('#mydata img').length"));
            String axe = browser.axeViolations();
            assertEquals("[]", axe, "My data view: " + axe);
            Path texts = Path.of("../widget/i18n");
            String screen = EnglishText.visibleText(browser.driver);
            assertEquals(Set.of(), EnglishText.forBundles(List.of(texts.resolve("en.json")), List.of(texts.resolve("fi.json")))
                    .in(screen), "no English on the Finnish view: " + screen);

            new Select(widget.byId("lang")).selectByValue("sv");
            widget.waitText("mydata-title", "Mina uppgifter");
            widget.waitText("mydata-access", "tog hand om samtalet");

            widget.byId("mydata-json").click();
            ObjectNode json = Json.parseObject(downloaded("mina-uppgifter", ".json"));
            assertEquals(id, json.path("conversations").get(0).path("conversationId").asText());
            assertEquals(WRITTEN, json.path("conversations").get(0).path("messages").get(0).path("text").asText());
            widget.byId("mydata-html").click();
            String html = downloaded("mina-uppgifter", ".html");
            assertTrue(html.contains("Polvi &lt;img src=x onerror=alert(1)&gt; on kipeä") && html.contains("lang=\"sv\""), html);

            widget.byId("mydata-back").click();
            browser.until(d -> widget.byId("composer").isDisplayed());
            assertEquals("text", widget.js("return document.activeElement.id"), "back in the conversation");
            axe = browser.axeViolations();
            assertEquals("[]", axe, "back in the conversation: " + axe);
        }
    }

    /**
     * W4: identified while the chat waits and nobody can answer, the resident leaves a contact request from the same
     * tab; the form says it is linked, and it is then in "My data" with its reference.
     */
    @Test
    void contactRequestFromTheIdentifiedTabIsInMyData() {
        widget.demo("fi").open();
        widget.send("Miten uusin reseptin?");
        widget.waitVisible("feedback");
        identifyInPopup("020304-123P"); // another person than W3's: only this tab's chat and form are theirs
        widget.waitText("ident-status", "Olet tunnistautunut vahvasti");
        widget.byId("faq-no").click();
        widget.waitVisible("unstaffed-contact");
        widget.byId("unstaffed-contact").click();
        widget.browser.until(d -> d.findElements(By.cssSelector("#form-view[data-form='contact-request']")).isEmpty() ? null : true);
        widget.waitText("form-identified", "liitetään henkilöllisyyteesi");
        new Select(widget.byId("f-topic")).selectByValue("health");
        widget.byId("f-description").sendKeys("Soittakaa minulle reseptistä");
        widget.byId("f-phone").sendKeys("040 123 4567");
        widget.byId("f-consent").click();
        widget.byId("form-send").click();
        widget.waitVisible("form-done");
        String reference = widget.byId("form-ref").getText().trim();
        assertFalse(reference.isBlank());

        widget.byId("mydata-open").click();
        widget.waitText("mydata-forms", reference);
        assertEquals(2L, widget.js("return document.querySelectorAll('#mydata-contacts details').length"), "the chat and the form");
        String axe = browser.axeViolations();
        assertEquals("[]", axe, "My data with a form: " + axe);
    }

    /** Presses "Tunnistaudu" and signs in on the provider's own page in the popup (as WidgetIdentificationTest does). */
    private void identifyInPopup(String hetu) {
        WebDriver d = widget.driver;
        String main = d.getWindowHandle();
        Set<String> before = d.getWindowHandles();
        widget.byId("ident-start").click();
        String popup = browser.until(x -> x.getWindowHandles().stream().filter(h -> !before.contains(h)).findFirst().orElse(null));
        d.switchTo().window(popup);
        browser.until(x -> !x.findElements(By.name("username")).isEmpty());
        d.findElement(By.name("username")).sendKeys("maija");
        d.findElement(By.name("claims")).sendKeys("{\"nationalIdentificationNumber\":\"" + hetu + "\",\"given_name\":\"Maija\","
                + "\"family_name\":\"Meikäläinen\",\"acr\":\"" + OidcProvider.SUBSTANTIAL + "\"}");
        d.findElement(By.cssSelector("input[type=submit]")).click();
        browser.until(x -> x.getCurrentUrl().contains("/widget/identified.html")
                && !String.valueOf(((JavascriptExecutor) x).executeScript("return document.body.dataset.result || ''")).isEmpty());
        d.findElement(By.id("i-close")).click();
        browser.until(x -> !x.getWindowHandles().contains(popup));
        d.switchTo().window(main);
        widget.enterApp();
    }

    /** A finished download's text: no partial file, non-empty, the same size on two polls (see WidgetConversationTest). */
    private String downloaded(String prefix, String suffix) {
        long[] lastSize = {-1};
        Path file = browser.until(d -> {
            try (Stream<Path> s = Files.list(browser.downloads)) {
                List<Path> all = s.toList();
                if (all.stream().anyMatch(p -> p.toString().endsWith(".crdownload"))) {
                    return null;
                }
                Path f = all.stream().filter(p -> p.getFileName().toString().startsWith(prefix) && p.toString().endsWith(suffix))
                        .findFirst().orElse(null);
                if (f == null) {
                    return null;
                }
                long size = Files.size(f);
                boolean stable = size > 0 && size == lastSize[0];
                lastSize[0] = size;
                return stable ? f : null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
