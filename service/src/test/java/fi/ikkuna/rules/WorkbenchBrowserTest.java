package fi.ikkuna.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;


import fi.ikkuna.support.Browser;
import fi.ikkuna.support.ServiceTest;
import fi.ikkuna.widget.Widget;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Issue 8 in real Chromium: edit → test → publish → the resident sees the new behaviour → roll back. */
class WorkbenchBrowserTest extends ServiceTest {


    @Test
    void editTestPublishThenRollBack() {
        String base = "http://127.0.0.1:" + server.port();
        try (Browser editor = Browser.start(); Browser residentBrowser = Browser.start()) {
            editor.driver.get(base + "/console/");
            editor.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("saannot");
            editor.driver.findElement(By.id("password")).sendKeys("saannot-demo");
            editor.driver.findElement(By.cssSelector("#login-form button[type=submit]")).click();
            editor.until(ExpectedConditions.visibilityOfElementLocated(By.id("workbench-link"))).click();
            editor.until(ExpectedConditions.visibilityOfElementLocated(By.id("new-draft")));
            assertEquals("[]", editor.axeViolations(), "workbench");
            editor.driver.findElement(By.id("new-draft")).click();
            editor.until(ExpectedConditions.visibilityOfElementLocated(By.id("draft")));

            editor.driver.findElement(By.id("new-file")).sendKeys("faq/test.yaml");
            editor.driver.findElement(By.id("add-file")).click();
            editor.driver.executeScript("const e = document.getElementById('editor'); e.value = arguments[0];"
                    + "e.dispatchEvent(new Event('input'));", "entries:\n  - id: x\n    lang: xx\n");
            editor.until(d -> d.findElement(By.id("validation")).getText().contains("faq/test.yaml:") ? true : null);
            editor.driver.executeScript("const e = document.getElementById('editor'); e.value = arguments[0];"
                    + "e.dispatchEvent(new Event('input'));", WorkbenchTest.FAQ);
            editor.until(d -> d.findElement(By.id("validation")).getText().equals("Kelvollinen.") ? true : null);
            editor.driver.findElement(By.id("save")).click();
            editor.until(d -> d.findElement(By.id("status")).getText().contains("Tallennettu") ? true : null);

            editor.driver.findElement(By.id("try-text")).sendKeys(WorkbenchTest.QUESTION);
            editor.driver.findElement(By.cssSelector("#try-form button")).click();
            editor.until(d -> d.findElement(By.id("try-draft")).getText().contains("fi-testikahvio") ? true : null);
            assertTrue(!editor.driver.findElement(By.id("try-published")).getText().contains("fi-testikahvio"));

            editor.driver.findElement(By.id("test")).click();
            editor.until(d -> d.findElement(By.id("status")).getText().equals("Testi valmis.") ? true : null);
            assertTrue(editor.driver.findElement(By.id("report")).getText().contains("100.0 %"));

            editor.driver.findElement(By.id("comment")).sendKeys("testikahvio");
            editor.driver.findElement(By.cssSelector("#publish-form button[type=submit]")).click();
            editor.until(d -> d.findElement(By.id("status")).getText().contains("Julkaistu versiona 2") ? true : null);

            Widget resident = new Widget(residentBrowser, base).demo("fi").open();
            resident.send(WorkbenchTest.QUESTION);
            resident.waitMessage("bot", "Testikahvio on pääaulassa");

            editor.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[text()='Palauta versioon 1']"))).click();
            editor.until(d -> d.findElement(By.id("status")).getText().contains("versio 3") ? true : null);
            resident.freshTab().demo("fi").open().send(WorkbenchTest.QUESTION);
            resident.waitMessage("resident", "testikahvio");
            residentBrowser.until(d -> resident.messages().stream().anyMatch(m -> m.get("author").equals("bot"))
                    || !d.findElement(By.id("status")).getText().isEmpty() ? true : null);
            assertTrue(resident.messages().stream().noneMatch(m -> m.get("text").contains("Testikahvio on pääaulassa")),
                    "after the rollback the draft's answer is gone");
        }
    }
}
