package fi.ikkuna.widget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.ikkuna.support.Frames;
import fi.ikkuna.support.OidcProvider;
import fi.ikkuna.support.WsTestClient;
import fi.ikkuna.web.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * The resident identifies in headless Chromium against a real OpenID provider (mock-oauth2-server's interactive login
 * page on localhost, another site than the service): "Tunnistaudu" opens the popup, the resident signs in there, the
 * popup says so and both the widget and the professional see the level change live, with the conversation going on.
 */
class WidgetIdentificationTest extends BrowserTestBase {
    private final OidcProvider provider = new OidcProvider(true);

    @Override
    protected Map<String, String> config() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Map<String, String> c = new HashMap<>();
        c.put("ikkuna.identification.enabled", "true");
        c.put("ikkuna.identification.issuer", provider.issuer("suomifi"));
        c.put("ikkuna.identification.client-id", "ikkuna-widget-test");
        c.put("ikkuna.identification.client-secret", "secret");
        c.put("ikkuna.identification.key", Base64.getEncoder().encodeToString(key));
        return c;
    }

    @AfterAll
    void stopProvider() {
        provider.close();
    }

    /** W1: asked by the professional, the resident identifies in the popup; the level shows on both sides; axe-clean. */
    @Test
    void residentIdentifiesInThePopupAndTheConversationGoesOn() {
        widget.demo("fi").open();
        widget.send("Haluan kysyä laboratoriotuloksistani");
        widget.waitMessage("resident", "laboratoriotuloksistani");
        String id = conversationId();
        try (WsTestClient pro = claim(id)) {
            pro.send(Frames.pro("request_identification", id).put("level", "substantial"));
            widget.waitText("ident-status", "pyytää sinua tunnistautumaan vahvasti (korotettu taso)");
            String axe = browser.axeViolations();
            assertEquals("[]", axe, "widget with the identification request: " + axe);

            String popupResult = identifyInPopup("{\"nationalIdentificationNumber\":\"131052-308T\",\"given_name\":\"Maija\","
                    + "\"family_name\":\"Meikäläinen\",\"acr\":\"" + OidcProvider.SUBSTANTIAL + "\"}");
            assertTrue(popupResult.contains("Tunnistautuminen onnistui"), popupResult);

            widget.waitText("ident-status", "Olet tunnistautunut vahvasti (korotettu taso): Maija Meikäläinen");
            assertFalse(widget.byId("ident-start").isDisplayed(), "no button once identified");
            ObjectNode seen = pro.await("identification", f -> "identified".equals(f.path("status").asText()));
            assertEquals("131052-****", seen.path("identity").path("nationalId").asText());

            // The conversation went on in the same socket: the professional's next message arrives.
            pro.send(proMessage(id, "p-ident-1", "Kiitos, näen nyt tulokset."));
            widget.waitMessage("professional", "näen nyt tulokset");
            axe = browser.axeViolations();
            assertEquals("[]", axe, "widget after identification: " + axe);
        }
    }

    /** W2: the provider's level is lower than asked: the popup and the widget say why; nothing changes. */
    @Test
    void lowerLevelIsRefusedWithAClearMessage() {
        widget.demo("fi").open();
        widget.send("Haluan kysyä reseptistäni");
        widget.waitMessage("resident", "reseptistäni");
        String id = conversationId();
        try (WsTestClient pro = claim(id)) {
            pro.send(Frames.pro("request_identification", id).put("level", "high"));
            widget.waitText("ident-status", "korkea taso");
            String popupResult = identifyInPopup("{\"nationalIdentificationNumber\":\"131052-308T\",\"given_name\":\"Maija\","
                    + "\"family_name\":\"Meikäläinen\",\"acr\":\"" + OidcProvider.SUBSTANTIAL + "\"}");
            assertTrue(popupResult.contains("pyydettyä matalampi"), popupResult);
            widget.waitText("ident-status", "Tunnistautuminen ei onnistunut: tunnistustapasi taso oli pyydettyä matalampi");
            assertTrue(widget.byId("ident-start").isDisplayed(), "the resident may try again");
            assertEquals("level_too_low", pro.await("identification", f -> "failed".equals(f.path("status").asText()))
                    .path("reason").asText());
            assertTrue(pro.all("identification").stream().noneMatch(f -> "identified".equals(f.path("status").asText())));
        }
    }

    /** Presses "Tunnistaudu", signs in on the provider's page in the popup, returns the popup's last text. */
    private String identifyInPopup(String claimsJson) {
        WebDriver d = widget.driver;
        String main = d.getWindowHandle();
        Set<String> before = d.getWindowHandles();
        widget.byId("ident-start").click();
        String popup = browser.until(x -> x.getWindowHandles().stream().filter(h -> !before.contains(h)).findFirst().orElse(null));
        d.switchTo().window(popup);
        browser.until(x -> !x.findElements(By.name("username")).isEmpty());
        assertTrue(d.getCurrentUrl().startsWith(provider.issuer("suomifi") + "/authorize"), d.getCurrentUrl());
        d.findElement(By.name("username")).sendKeys("maija");
        d.findElement(By.name("claims")).sendKeys(claimsJson);
        d.findElement(By.cssSelector("input[type=submit]")).click();
        browser.until(x -> x.getCurrentUrl().contains("/widget/identified.html")
                && !String.valueOf(((org.openqa.selenium.JavascriptExecutor) x).executeScript("return document.body.dataset.result || ''")).isEmpty());
        String text = d.findElement(By.id("i-status")).getText();
        String axe = browser.axeViolations();
        assertEquals("[]", axe, "result page: " + axe);
        d.findElement(By.id("i-close")).click();
        browser.until(x -> !x.getWindowHandles().contains(popup));
        d.switchTo().window(main);
        widget.enterApp();
        return text;
    }
}
