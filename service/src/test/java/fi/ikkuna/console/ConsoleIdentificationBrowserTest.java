package fi.ikkuna.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import fi.ikkuna.support.Browser;
import fi.ikkuna.support.OidcBrowser;
import fi.ikkuna.support.OidcProvider;
import fi.ikkuna.support.Resident;
import fi.ikkuna.support.ServiceTest;
import fi.ikkuna.web.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * In Chromium: a nurse signs in with the county's identity provider (its own login page, another site), takes a
 * conversation, asks the resident to identify, sees the level, name and masked code live, and reveals the full code.
 */
@Tag("browser")
class ConsoleIdentificationBrowserTest extends ServiceTest {
    private final OidcProvider county = new OidcProvider(true);
    private final OidcProvider suomifi = new OidcProvider(false);

    @Override
    protected Map<String, String> config() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Map<String, String> c = new HashMap<>();
        c.put("ikkuna.auth.oidc.enabled", "true");
        c.put("ikkuna.auth.oidc.issuer", county.issuer("county"));
        c.put("ikkuna.auth.oidc.client-id", "ikkuna-console");
        c.put("ikkuna.auth.oidc.label", "Hyvinvointialueen tunnus");
        c.put("ikkuna.auth.oidc.groups", "ikkuna-hoitajat=professional:sairaanhoitaja:*");
        c.put("ikkuna.identification.enabled", "true");
        c.put("ikkuna.identification.issuer", suomifi.issuer("suomifi"));
        c.put("ikkuna.identification.client-id", "ikkuna");
        c.put("ikkuna.identification.key", Base64.getEncoder().encodeToString(key));
        return c;
    }

    @AfterAll
    void stopProviders() {
        county.close();
        suomifi.close();
    }

    @Test
    void nurseSignsInWithTheCountyAccountAndSeesTheResidentIdentify() {
        try (Browser b = Browser.start(); Resident r = Resident.start(server, "fi")) {
            var d = b.driver;
            d.get("http://127.0.0.1:" + server.port() + "/console/");
            b.until(ExpectedConditions.visibilityOfElementLocated(By.id("idp-signin")));
            assertEquals("Hyvinvointialueen tunnus", d.findElement(By.id("idp-signin")).getText());
            d.findElement(By.id("idp-signin")).click();
            b.until(x -> !x.findElements(By.name("username")).isEmpty());
            assertTrue(d.getCurrentUrl().startsWith(county.issuer("county")), d.getCurrentUrl());
            d.findElement(By.name("username")).sendKeys("sari");
            d.findElement(By.name("claims")).sendKeys("{\"name\":\"Sari Salo\",\"groups\":[\"ikkuna-hoitajat\"]}");
            d.findElement(By.cssSelector("input[type=submit]")).click();
            b.until(ExpectedConditions.visibilityOfElementLocated(By.id("work-view")));
            b.until(x -> x.findElement(By.id("who-name")).getText().equals("Sari Salo, sairaanhoitaja"));

            r.say("Haluan kysyä rokotuksista");
            Console console = new Console(b, "http://127.0.0.1:" + server.port());
            b.until(x -> console.boardShows(r.conversationId));
            console.take(r.conversationId);
            b.until(x -> x.findElement(By.id("ident-state")).getText().contains("ei ole tunnistautunut"));
            d.findElement(By.cssSelector("#ident-form button[type=submit]")).click();
            assertEquals("requested", r.ws.await("identification", f -> "requested".equals(f.path("status").asText()))
                    .path("status").asText());
            b.until(x -> x.findElement(By.id("ident-state")).getText().contains("Tunnistautumista pyydetty"));

            // The resident identifies in their own browser.
            suomifi.next("suomifi", "s-1", OidcProvider.resident("131052-308T", "Maija", "Meikäläinen", OidcProvider.SUBSTANTIAL), 3600);
            r.ws.send(Json.object().put("type", "identify"));
            String url = r.ws.await("identification", f -> "started".equals(f.path("status").asText())).path("url").asText();
            OidcBrowser residentBrowser = new OidcBrowser();
            URI page = residentBrowser.redirect(residentBrowser.redirect(residentBrowser.redirect(server.http(url))));
            assertEquals("ok", page.getFragment());

            b.until(x -> x.findElement(By.id("ident-state")).getText()
                    .equals("Tunnistettu (korotettu): Maija Meikäläinen, 131052-****"));
            String axe = b.axeViolations();
            assertEquals("[]", axe, axe);
            d.findElement(By.id("ident-reveal")).click();
            b.until(x -> x.findElement(By.id("ident-full")).getText().equals("Henkilötunnus: 131052-308T"));
            assertTrue(!d.findElement(By.id("queues")).getText().contains("Meikäläinen"), "the board shows no name");
        }
    }
}
