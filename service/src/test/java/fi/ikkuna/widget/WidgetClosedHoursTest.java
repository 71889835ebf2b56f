package fi.ikkuna.widget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.ikkuna.support.Frames;
import fi.ikkuna.support.WsTestClient;
import org.junit.jupiter.api.Test;

/** Outside opening hours the widget takes a contact request that goes through the same pipeline. */
class WidgetClosedHoursTest extends BrowserTestBase {

    @Override
    protected Map<String, String> config() {
        return Map.of("ikkuna.widget.opening-hours", "never");
    }

    @Test
    void contactRequestBecomesTheConversationsFirstMessage() {
        widget.demo("fi").open();
        widget.waitVisible("contact");
        assertFalse(widget.byId("composer").isDisplayed());
        assertEquals("c-name", widget.js("return document.activeElement.id"), "opening focuses the first field");
        assertEquals("[]", browser.axeViolations(), "offline (closed hours) state");

        widget.byId("c-name").sendKeys("Maija Meikäläinen");
        widget.byId("c-reach").sendKeys("ei yhteystieto");
        widget.byId("c-message").sendKeys("Haluan kysyä kotihoidosta");
        widget.byId("c-send").click();
        widget.waitText("contact-error", "puhelinnumero");
        assertEquals("true", widget.byId("c-reach").getDomAttribute("aria-invalid"));
        assertEquals("[]", browser.axeViolations(), "error state of the form");

        widget.byId("c-reach").clear();
        widget.byId("c-reach").sendKeys("040 123 4567");
        widget.byId("c-send").click();
        widget.waitMessage("resident", "YHTEYDENOTTOPYYNTÖ");
        widget.waitText("status", "vastaanotettu");
        String id = conversationId();
        try (WsTestClient pro = claim(id)) {
            pro.send(Frames.pro("open", id).put("purpose", "care"));
            ObjectNode opened = pro.await("opened");
            String first = opened.path("messages").get(0).path("text").asText();
            assertTrue(first.startsWith("YHTEYDENOTTOPYYNTÖ"), first);
            assertTrue(first.contains("Nimi: Maija Meikäläinen") && first.contains("040 123 4567")
                    && first.contains("Haluan kysyä kotihoidosta"), first);
            assertFalse(opened.path("triage").isMissingNode(), "it went through the triage pipeline");
        }
    }
}
