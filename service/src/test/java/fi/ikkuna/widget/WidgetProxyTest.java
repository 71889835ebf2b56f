package fi.ikkuna.widget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import fi.ikkuna.support.Browser;
import fi.ikkuna.support.OidcProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Proxy use in headless Chromium: the resident declares in the widget whom they contact for (a refusal first, in plain
 * Finnish, then a declaration), and the nurse's console shows it live — name, relation, masked code and "ilmoitettu,
 * ei tarkistettu" — and its withdrawal. Both pages axe-clean.
 */
class WidgetProxyTest extends BrowserTestBase {
    private final OidcProvider provider = new OidcProvider(false);

    @Override
    protected Map<String, String> config() {
        Map<String, String> c = provider.identificationConfig(Map.of(), "suomifi", "ikkuna-widget-test");
        return c;
    }

    @AfterAll
    void stopProvider() {
        provider.close();
    }

    /** PW1: refused with a reason, then declared; the console shows it with the mandate unverified; then withdrawn. */
    @Test
    void residentDeclaresInTheWidgetAndTheConsoleShowsIt() {
        widget.demo("fi").open();
        widget.send("Kysyn äitini lääkityksestä");
        widget.waitMessage("resident", "äitini lääkityksestä");
        String id = conversationId();
        try (Browser b = Browser.start()) {
            signIn(b);
            b.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                    "const x = document.querySelector(`#queues tr[data-conversation='${arguments[0]}'] button`);"
                            + "if (!x) return null; x.click(); return true;", id));
            b.until(d -> d.findElement(By.id("proxy-state")).getText().contains("ei ole ilmoittanut"));

            widget.waitVisible("proxy-start");
            widget.byId("proxy-start").click();
            widget.waitVisible("proxy-form");
            relation("child");
            widget.byId("p-name").sendKeys("Aino Ämmälä");
            widget.byId("p-hetu").sendKeys("010615A123A");
            widget.byId("p-save").click();
            widget.waitText("p-error", "Lapsen henkilötunnuksen voi antaa vain vahvasti tunnistautunut huoltaja");
            String axe = browser.axeViolations();
            assertEquals("[]", axe, "widget with the declaration form and a refusal: " + axe);
            assertTrue(b.driver.findElement(By.id("proxy-state")).getText().contains("ei ole ilmoittanut"), "nothing reached the console");

            relation("cared_for");
            widget.byId("p-hetu").clear();
            widget.byId("p-hetu").sendKeys("010150-123A");
            widget.byId("p-save").click();
            widget.waitText("proxy-status", "Asioit henkilön Aino Ämmälä puolesta (Vanhempani tai muu omainen, josta huolehdin)");
            assertFalse(widget.byId("proxy-form").isDisplayed(), "the form closes once declared");
            axe = browser.axeViolations();
            assertEquals("[]", axe, "widget with a declaration: " + axe);

            b.until(d -> d.findElement(By.id("proxy-state")).getText()
                    .equals("Asioi henkilön puolesta: Aino Ämmälä (omainen, josta asukas huolehtii), 010150-****"));
            assertEquals("Valtuutus: ilmoitettu, ei tarkistettu", b.driver.findElement(By.id("proxy-mandate")).getText());
            axe = b.axeViolations();
            assertEquals("[]", axe, "console with a proxy declaration: " + axe);

            widget.byId("proxy-withdraw").click();
            widget.waitText("proxy-status", "Ilmoitus toisen puolesta asioimisesta on peruttu");
            b.until(d -> d.findElement(By.id("proxy-state")).getText().contains("perui ilmoituksen"));
            assertEquals("", b.driver.findElement(By.id("proxy-mandate")).getText());
        }
    }

    private void relation(String value) {
        WebElement radio = widget.driver.findElement(By.cssSelector("#proxy-form input[value='" + value + "']"));
        radio.click();
    }

    private void signIn(Browser b) {
        b.driver.get("http://127.0.0.1:" + server.port() + "/console/");
        b.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        b.driver.findElement(By.id("username")).sendKeys("admin");
        b.driver.findElement(By.id("password")).sendKeys("admin-demo");
        b.driver.findElement(By.cssSelector("#login-form button[type=submit]")).click();
        b.until(ExpectedConditions.visibilityOfElementLocated(By.id("work-view")));
    }
}
