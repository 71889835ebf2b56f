package fi.ikkuna.widget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.ikkuna.form.Api;
import fi.ikkuna.support.Frames;
import fi.ikkuna.support.Pro;
import fi.ikkuna.support.WsTestClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

/** Issue 6 forms in the resident's browser: rendered from the definition, checked, announced, sent, answered. */
class WidgetFormTest extends BrowserTestBase {
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Helsinki"));
    private static final String QUESTION = "Kuinka usein palovaroittimen paristo pitää vaihtaa ja montako varoitinta asuntoon tarvitaan?";

    private Api admin() {
        return Api.as(Pro.login(server, "admin", "admin-demo"));
    }

    private void openForm(String id) {
        widget.demo("fi").open();
        widget.byId("mode-form").click();
        widget.browser.until(d -> d.findElements(By.cssSelector("#form-list button[data-form='" + id + "']")).stream().findFirst().orElse(null)).click();
        widget.browser.until(d -> "form-title".equals(widget.js("return document.activeElement.id")));
    }

    private String active() {
        return String.valueOf(widget.js("return document.activeElement.id"));
    }

    private String error(String field) {
        return widget.byId("f-" + field + "-error").getText();
    }

    private void assertInvalid(String field, String text) {
        assertEquals(text, error(field), field);
        assertEquals("true", widget.byId("f-" + field).getDomAttribute("aria-invalid"), field);
        assertTrue(widget.byId("f-" + field).getDomAttribute("aria-describedby").contains("f-" + field + "-error"), field);
    }

    /**
     * Every field type of fire-safety-advice from its definition; empty and bad inputs get the definition's own texts at
     * each field, a focused summary and a live announcement; a server-only error is shown the same way; nothing is
     * stored; the valid form (typed with the keyboard only) gives a reply link; the professional's answer shows there.
     */
    @Test
    void formFromDefinitionErrorsThenReplyThroughTheLink() {
        Api admin = admin();
        JsonNode def = Api.resident(server).get("/api/forms/fire-safety-advice?lang=fi").body();
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        def.path("fields").forEach(f -> fields.put(f.path("name").asText(), f));
        JsonNode statsBefore = admin.get("/api/forms/stats").body();
        Map<String, String> axe = new LinkedHashMap<>();

        openForm("fire-safety-advice");
        assertEquals(def.path("title").asText(), widget.byId("form-title").getText());
        for (JsonNode f : fields.values()) {
            String id = "f-" + f.path("name").asText();
            String label = widget.driver.findElement(By.cssSelector("label[for='" + id + "']")).getText();
            assertTrue(label.startsWith(f.path("label").asText()), label);
            assertEquals(f.path("required").asBoolean(), label.contains("(pakollinen)"), label);
            if (f.path("help").isTextual()) {
                assertTrue(widget.byId(id + "-help").getText().contains(f.path("help").asText()));
            }
        }
        assertEquals("checkbox", widget.byId("f-consent").getDomAttribute("type"));
        assertEquals("SELECT", widget.js("return document.getElementById('f-topic').tagName"));
        axe.put("form", browser.axeViolations());

        widget.byId("form-send").click();
        widget.browser.until(d -> "form-errors".equals(active()) ? true : null);
        assertInvalid("topic", fields.get("topic").path("errors").path("required").asText());
        assertInvalid("question", fields.get("question").path("errors").path("required").asText());
        assertInvalid("consent", fields.get("consent").path("errors").path("consent_required").asText());
        assertEquals("false", widget.byId("f-email").getDomAttribute("aria-invalid"), "optional and empty is fine");
        widget.waitText("forms-status", "3 virhettä");
        assertTrue(widget.byId("form-errors").getText().contains("Kysymyksesi"));
        axe.put("client errors", browser.axeViolations());

        widget.byId("f-postal_code").sendKeys("331");
        widget.byId("f-visit_date").sendKeys("2026-02-30");
        widget.byId("f-phone").sendKeys("12");
        widget.byId("f-email").sendKeys("asukas@");
        widget.byId("form-send").click();
        widget.waitText("forms-status", "7 virhettä");
        assertInvalid("postal_code", "Postinumerossa on viisi numeroa.");
        assertInvalid("visit_date", fields.get("visit_date").path("errors").path("invalid_date").asText());
        assertInvalid("phone", fields.get("phone").path("errors").path("invalid_phone").asText());
        assertInvalid("email", fields.get("email").path("errors").path("invalid_email").asText());
        widget.byId("f-visit_date").clear();
        widget.byId("f-visit_date").sendKeys(TODAY.toString());
        widget.byId("form-send").click();
        widget.browser.until(d -> error("visit_date").equals(fields.get("visit_date").path("errors").path("date_too_early").asText()) ? true : null);
        // The summary links move focus to the field.
        widget.driver.findElement(By.cssSelector("#form-errors a[href='#f-email']")).click();
        assertEquals("f-email", active());

        // Valid in the browser's checks, refused by the server (a control character): shown at the field the same way.
        for (String f : List.of("postal_code", "visit_date", "phone", "email")) {
            widget.byId("f-" + f).clear();
        }
        new org.openqa.selenium.support.ui.Select(widget.byId("f-topic")).selectByValue("smoke-alarm");
        widget.js("document.getElementById('f-question').value = arguments[0]", "Palovaroitin\u0007 piippaa");
        widget.byId("f-consent").click();
        widget.byId("form-send").click();
        widget.waitText("forms-status", "1 virhettä");
        assertInvalid("question", "Tekstissä on merkkejä, joita ei voi tallentaa.");
        assertEquals("form-errors", active());
        axe.put("server errors", browser.axeViolations());
        assertEquals(statsBefore, admin.get("/api/forms/stats").body(), "nothing stored from invalid submissions");

        // Keyboard only: from the question field through the rest of the form to the send button.
        widget.byId("f-question").clear();
        widget.byId("f-question").click();
        Actions keys = new Actions(widget.driver);
        keys.sendKeys(QUESTION).sendKeys(Keys.TAB).perform();
        assertEquals("f-postal_code", active());
        keys.sendKeys("33100").sendKeys(Keys.TAB).perform();
        assertEquals("f-visit_date", active());
        keys.sendKeys(TODAY.plusDays(7).toString()).sendKeys(Keys.TAB).perform();
        keys.sendKeys("040 123 4567").sendKeys(Keys.TAB).perform();
        assertEquals("f-email", active());
        keys.sendKeys("asukas@example.fi").sendKeys(Keys.TAB).perform();
        assertEquals("f-consent", active());
        assertEquals(Boolean.TRUE, widget.byId("f-consent").isSelected(), "still ticked from before");
        keys.sendKeys(Keys.TAB).perform();
        assertEquals("form-send", active());
        keys.sendKeys(Keys.ENTER).perform();

        widget.waitVisible("form-done");
        widget.browser.until(d -> "form-done-title".equals(active()) ? true : null);
        String reference = widget.byId("form-ref").getText();
        widget.waitText("forms-status", reference);
        axe.put("sent", browser.axeViolations());
        JsonNode statsAfter = admin.get("/api/forms/stats").body();
        assertEquals(statsBefore.path("submissions").path("fire-safety-advice").asLong() + 1,
                statsAfter.path("submissions").path("fire-safety-advice").asLong(), statsAfter.toString());
        String link = widget.byId("form-reply-link").getDomProperty("href");
        assertTrue(link.contains("/widget/reply.html") && link.contains("#"), link);

        widget.driver.get(link);
        widget.waitText("r-details", reference);
        widget.waitText("r-status", "ei ole vielä vastannut");
        widget.waitText("r-messages", "Kysymyksesi: " + QUESTION);
        axe.put("reply page, waiting", browser.axeViolations());

        try (WsTestClient pro = Pro.login(server, "admin", "admin-demo").connect()) {
            ObjectNode snapshot = pro.await("queue_snapshot", s -> "rescue".equals(s.path("queue").asText()) && s.path("items").size() > 0);
            String id = snapshot.path("items").findValuesAsText("id").getLast();
            pro.send(Frames.pro("claim", id));
            pro.await("claimed");
            pro.send(Frames.pro("message", id).put("clientMsgId", "r1").put("text", "Vaihda paristo kerran vuodessa, varoitin jokaiseen kerrokseen."));
            pro.await("ack");
        }
        widget.byId("r-refresh").click();
        widget.waitText("r-status", "on vastannut");
        widget.waitText("r-messages", "Vaihda paristo kerran vuodessa");
        assertFalse(widget.driver.findElements(By.cssSelector("#r-messages [data-author=professional]")).isEmpty());
        axe.put("reply page, answered", browser.axeViolations());

        axe.forEach((view, v) -> assertEquals("[]", v, view + ": " + v));
    }

    /** Changing the language redraws the form from its Swedish definition and keeps what was typed. */
    @Test
    void languageChangeRedrawsTheFormAndKeepsValues() {
        openForm("prescription-renewal");
        widget.byId("f-medicine").sendKeys("Levaxin 100 mikrog");
        widget.byId("f-consent").click();
        new org.openqa.selenium.support.ui.Select(widget.byId("lang")).selectByValue("sv");
        String title = Api.resident(server).get("/api/forms/prescription-renewal?lang=sv").body().path("title").asText();
        widget.waitText("form-title", title);
        assertEquals("Levaxin 100 mikrog", widget.byId("f-medicine").getDomProperty("value"));
        assertTrue(widget.byId("f-consent").isSelected());
        assertTrue(widget.driver.findElement(By.cssSelector("label[for='f-medicine']")).getText().contains("(obligatorisk)"));
        assertEquals("sv", widget.js("return document.documentElement.lang"));
    }

    /** Chest pain written in a form: the emergency guidance at once with the submission's answer. */
    @Test
    void chestPainInAFormShowsTheEmergencyGuidance() {
        openForm("contact-request");
        new org.openqa.selenium.support.ui.Select(widget.byId("f-topic")).selectByValue("health");
        widget.byId("f-description").sendKeys("Minulla on kova puristava rintakipu ja hengenahdistusta");
        widget.byId("f-phone").sendKeys("0401234567");
        widget.byId("f-consent").click();
        widget.byId("form-send").click();
        widget.waitText("emergency", "112");
        widget.waitVisible("form-emergency");
        assertTrue(widget.byId("sos").isDisplayed());
        String v = browser.axeViolations();
        assertEquals("[]", v, v);
    }
}
