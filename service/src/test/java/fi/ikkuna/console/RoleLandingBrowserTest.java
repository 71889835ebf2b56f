package fi.ikkuna.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import fi.ikkuna.support.Browser;
import fi.ikkuna.support.Pro;
import fi.ikkuna.support.ServiceTest;
import fi.ikkuna.web.Json;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Issue 14.9: each role lands on its own page after signing in on the console: a rules editor on the workbench,
 * a manager on insights, a professional and an administrator on the console. The sign-in answer names the page.
 */
@Tag("browser")
class RoleLandingBrowserTest extends ServiceTest {

    @Override
    protected Map<String, String> config() {
        return Map.of("ikkuna.widget.opening-hours", "always");
    }

    @Test
    void signInAnswerNamesTheRolesPage() {
        for (String[] c : new String[][] {{"saannot", "saannot-demo", "/console/workbench.html"},
                {"johtaja", "johtaja-demo", "/console/insights.html"}, {"hoitaja", "hoitaja-demo", "/console/"}, {"admin", "admin-demo", "/console/"}}) {
            Pro p = Pro.login(server, c[0], c[1]);
            assertEquals(c[2], Json.parseObject(p.get("/api/auth/me").body()).path("landing").asText(), c[0]);
        }
    }

    @Test
    void eachRoleLandsOnItsOwnPage() {
        String base = "http://127.0.0.1:" + server.port();
        for (String[] c : new String[][] {{"saannot", "saannot-demo", "/console/workbench.html", "new-draft"},
                {"johtaja", "johtaja-demo", "/console/insights.html", "dashboard"}, {"hoitaja", "hoitaja-demo", "/console/", "queues"}}) {
            try (Browser b = Browser.start()) {
                b.driver.get(base + "/console/");
                b.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(c[0]);
                b.driver.findElement(By.id("password")).sendKeys(c[1]);
                b.driver.findElement(By.cssSelector("#login-form button[type=submit]")).click();
                b.until(ExpectedConditions.visibilityOfElementLocated(By.id(c[3])));
                assertEquals(base + c[2], b.driver.getCurrentUrl(), c[0]);
            }
        }
    }
}
