package fi.ikkuna.widget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import fi.ikkuna.form.Api;
import fi.ikkuna.support.Pro;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 14.2 in Chromium: with nobody who can answer (no professional online; the hours themselves: StaffingTest) the
 * widget says so, the FAQ still answers, no queue position or wait is promised, and a person is reached through the
 * contact-request form of the forms API.
 */
class WidgetClosedHoursTest extends BrowserTestBase {

    @Override
    protected Map<String, String> config() {
        return Map.of("ikkuna.widget.when-nobody-online", "contact-request");
    }

    @Test
    void closedChatSaysSoKeepsTheFaqAndTakesAContactRequest() {
        Api admin = Api.as(Pro.login(server, "admin", "admin-demo"));
        long before = admin.get("/api/forms/stats").body().path("submissions").path("contact-request").asLong();

        widget.demo("fi").open();
        widget.waitVisible("closed");
        assertTrue(widget.byId("closed").getText().contains("ei ole nyt"), widget.byId("closed").getText());
        assertTrue(widget.byId("composer").isDisplayed(), "the FAQ stays available");
        assertEquals("text", widget.js("return document.activeElement.id"), "opening focuses the composer");
        assertEquals("[]", browser.axeViolations(), "closed state");

        widget.send("Miten uusin reseptin?");
        widget.waitVisible("feedback");
        assertFalse(widget.messages().stream().noneMatch(m -> "bot".equals(m.get("author"))), "the FAQ answered");
        widget.byId("faq-no").click();
        widget.waitVisible("unstaffed-contact");
        String status = widget.byId("status").getText();
        assertTrue(status.contains("ei ole nyt paikalla"), status);
        assertFalse(status.contains("min") || status.contains("seuraavana") || status.contains("sijalla"),
                "no queue promise while nobody can answer: " + status);

        widget.byId("unstaffed-contact").click();
        widget.browser.until(d -> d.findElements(By.cssSelector("#form-view[data-form='contact-request']")).isEmpty() ? null : true);
        new Select(widget.byId("f-topic")).selectByValue("health");
        widget.byId("f-description").sendKeys("Haluaisin että hoitaja soittaa minulle reseptistä");
        widget.byId("f-phone").sendKeys("040 123 4567");
        widget.byId("f-consent").click();
        widget.byId("form-send").click();
        widget.waitVisible("form-done");
        assertFalse(widget.byId("form-ref").getText().isBlank());
        String after = widget.byId("forms").getText() + " " + widget.byId("status").getText();
        assertFalse(after.contains("seuraavana") || after.contains("sijalla"), after);
        JsonNode stats = admin.get("/api/forms/stats").body();
        assertEquals(before + 1, stats.path("submissions").path("contact-request").asLong(), "sent through the forms API: " + stats);
        assertEquals("[]", browser.axeViolations(), "contact request sent");
    }
}
