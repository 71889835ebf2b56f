package fi.ikkuna.widget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/** WCAG 2.1 AA in practice: axe-core in every state, keyboard only, 320 px reflow, languages. */
class WidgetAccessibilityTest extends BrowserTestBase {

    /** axe-core finds nothing for wcag2a/2aa/21a/21aa in the closed, open, error, queued, offline, emergency, ended states. */
    @Test
    void axeFindsNoViolationsInAnyState() {
        Map<String, String> found = new LinkedHashMap<>();
        widget.demo("fi");
        found.put("closed (host page)", browser.axeViolations());
        widget.open();
        found.put("open", browser.axeViolations());
        widget.host();
        found.put("open (host page)", browser.axeViolations());
        widget.enterApp();
        widget.byId("send").click();
        widget.waitText("text-error", "Kirjoita");
        assertEquals("true", widget.byId("text").getDomAttribute("aria-invalid"));
        found.put("error", browser.axeViolations());
        widget.send("Hei, haluaisin kysyä laskustani");
        widget.waitText("status", "jonossa");
        found.put("queued", browser.axeViolations());
        proxy.cut();
        widget.waitText("conn", "Yhdistetään");
        widget.send("Viesti ilman yhteyttä");
        found.put("offline (reconnecting)", browser.axeViolations());
        proxy.restore();
        widget.browser.until(d -> widget.byId("conn").getText().isEmpty());
        widget.byId("end").click();
        widget.waitVisible("ended");
        found.put("ended", browser.axeViolations());

        widget.freshTab().demo("fi").open();
        widget.send("Isälläni on kova rintakipu ja hän hikoilee");
        widget.waitText("emergency", "112");
        found.put("emergency", browser.axeViolations());

        found.forEach((state, violations) -> assertEquals("[]", violations, state + ": " + violations));
    }

    /** Tab to the launcher, Enter opens, type, Enter sends, Esc closes, focus returns; no trap, visible focus. */
    @Test
    void keyboardOnly() {
        widget.demo("fi");
        Actions keys = new Actions(widget.driver);
        for (int i = 0; i < 20 && !"ikkuna-launcher".equals(activeId()); i++) {
            keys.sendKeys(Keys.TAB).perform();
        }
        assertEquals("ikkuna-launcher", activeId(), "the launcher is reachable with Tab");
        assertEquals("solid", widget.js("return getComputedStyle(document.activeElement).outlineStyle"));
        keys.sendKeys(Keys.ENTER).perform();
        widget.browser.until(d -> "true".equals(widget.launcher().getDomAttribute("aria-expanded")));
        widget.enterApp();
        widget.browser.until(d -> "text".equals(activeId()));
        assertEquals("solid", widget.js("return getComputedStyle(document.activeElement).outlineStyle"), "visible focus in the app");
        keys.sendKeys("Kysyn näppäimistöllä").perform();
        keys.sendKeys(Keys.ENTER).perform();
        widget.waitMessage("resident", "Kysyn näppäimistöllä");
        assertEquals("text", activeId(), "sending keeps focus in the composer");
        assertEquals("", widget.byId("text").getDomProperty("value"));

        keys.sendKeys(Keys.ESCAPE).perform();
        widget.host();
        widget.browser.until(d -> !d.findElement(By.id("ikkuna-panel")).isDisplayed());
        assertEquals("ikkuna-launcher", activeId(), "focus returns to the launcher");
        assertEquals("false", widget.launcher().getDomAttribute("aria-expanded"));

        // No trap: from inside the open widget, Tab eventually leaves it for the host page.
        keys.sendKeys(Keys.ENTER).perform();
        widget.enterApp();
        widget.browser.until(d -> "text".equals(activeId()));
        widget.host();
        boolean left = false;
        for (int i = 0; i < 30 && !left; i++) {
            keys.sendKeys(Keys.TAB).perform();
            left = !"IFRAME".equals(widget.js("return document.activeElement.tagName"));
        }
        assertTrue(left, "Tab leaves the widget");
    }

    /** At 320 CSS px (= 1280 px at 400 % zoom) neither the page nor the widget scrolls sideways. */
    @Test
    void reflowsAt320Pixels() {
        Map<String, Object> metrics = Map.of("width", 320, "height", 640, "deviceScaleFactor", 1, "mobile", false);
        browser.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", metrics);
        try {
            widget.demo("fi").open();
            widget.send("Pitkä sana ilman välejä: " + "a".repeat(300));
            widget.waitMessage("resident", "Pitkä sana");
            assertEquals(Boolean.TRUE, widget.js("return document.documentElement.scrollWidth <= document.documentElement.clientWidth"),
                    "no horizontal scroll in the widget");
            assertEquals(Boolean.TRUE, widget.js("return document.getElementById('main').scrollWidth <= document.getElementById('main').clientWidth"));
            widget.host();
            assertEquals(Boolean.TRUE, widget.js("return document.documentElement.scrollWidth <= window.innerWidth"),
                    "no horizontal scroll on the page");
            assertEquals(Boolean.TRUE, widget.js(
                    "const r = document.getElementById('ikkuna-panel').getBoundingClientRect(); return r.left >= 0 && r.right <= window.innerWidth"));
        } finally {
            browser.driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    /** data-lang picks the language; page, launcher, app and each message carry the right lang attribute. */
    @Test
    void languageAttributes() {
        widget.demo("sv");
        assertEquals("sv", widget.js("return document.documentElement.lang"));
        assertEquals("sv", widget.launcher().getDomAttribute("lang"));
        assertTrue(widget.launcher().getText().contains("Fråga oss"));
        widget.open();
        assertEquals("sv", widget.js("return document.documentElement.lang"));
        widget.send("Hej, jag har en fråga om min räkning");
        widget.waitMessage("resident", "räkning");
        new Select(widget.byId("lang")).selectByValue("en");
        widget.browser.until(d -> "en".equals(widget.js("return document.documentElement.lang")));
        widget.waitText("composer", "Write your question");
        assertEquals("sv", widget.messages().get(0).get("lang"), "a message keeps its own language");
        assertFalse(widget.byId("log").getText().contains("Du"), "labels follow the new language");
    }

    private String activeId() {
        return String.valueOf(widget.js("return document.activeElement && document.activeElement.id"));
    }
}
