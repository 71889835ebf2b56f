package fi.ikkuna.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;


import fi.ikkuna.support.Browser;
import fi.ikkuna.support.ServiceTest;
import fi.ikkuna.support.WorkbenchPage;
import fi.ikkuna.widget.Widget;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** Issue 8 in real Chromium: edit → test → publish → the resident sees the new behaviour → roll back (issue 14.9: asked first). */
@Tag("browser")
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class WorkbenchBrowserTest extends ServiceTest {


    private String base() {
        return "http://127.0.0.1:" + server.port();
    }

    @Test
    void editTestPublishThenRollBack() {
        try (Browser editor = Browser.start(); Browser residentBrowser = Browser.start()) {
            WorkbenchPage.signIn(editor, base());
            assertTrue(editor.driver.getCurrentUrl().endsWith("/console/workbench.html"), editor.driver.getCurrentUrl());
            assertEquals("[]", editor.axeViolations(), "workbench");
            editor.driver.findElement(By.id("new-draft")).click();
            editor.until(ExpectedConditions.visibilityOfElementLocated(By.id("draft")));

            editor.driver.findElement(By.id("new-file")).sendKeys("faq/test.yaml");
            editor.driver.findElement(By.id("add-file")).click();
            WorkbenchPage.type(editor, "entries:\n  - id: x\n    lang: xx\n");
            // Issue 14.9: the line in plain words, the file (already in the file picker) not repeated, no parser text.
            String bad = editor.until(d -> {
                String v = d.findElement(By.id("validation")).getText();
                return v.startsWith("Rivi ") ? v : null;
            });
            assertFalse(bad.contains("test.yaml") || bad.contains("unknown") || bad.contains("missing"), bad);
            WorkbenchPage.type(editor, "entries:\n  - id: x\n    lang: fi\n  question: [\n");
            String syntax = editor.until(d -> {
                String v = d.findElement(By.id("validation")).getText();
                return v.startsWith("Rivi ") && !v.equals(bad) ? v : null;
            });
            assertTrue(syntax.contains("YAML-muoto") || syntax.contains("sisennys") || syntax.contains("lainausmerkki"), syntax);
            assertFalse(syntax.matches("(?s).*(expected|found|while|scanning|parsing|mapping|line \\d).*"), "raw parser text: " + syntax);
            WorkbenchPage.type(editor, WorkbenchTest.FAQ);
            editor.until(d -> d.findElement(By.id("validation")).getText().equals("Kelvollinen.") ? true : null);
            editor.driver.findElement(By.id("save")).click();
            editor.until(d -> d.findElement(By.id("status")).getText().contains("Tallennettu") ? true : null);

            editor.driver.findElement(By.id("try-text")).sendKeys(WorkbenchTest.QUESTION);
            editor.driver.findElement(By.cssSelector("#try-form button")).click();
            editor.until(d -> d.findElement(By.id("try-draft")).getText().contains("fi-testikahvio") ? true : null);
            assertTrue(!editor.driver.findElement(By.id("try-published")).getText().contains("fi-testikahvio"));

            editor.driver.findElement(By.id("test")).click();
            editor.until(d -> d.findElement(By.id("status")).getText().equals("Testi valmis.") ? true : null);
            assertEquals("100,0 %", editor.driver.findElement(By.cssSelector("#report [data-figure='figRecall']")).getText());

            editor.driver.findElement(By.id("comment")).sendKeys("testikahvio");
            editor.driver.findElement(By.cssSelector("#publish-form button[type=submit]")).click();
            editor.until(d -> d.findElement(By.id("status")).getText().contains("Julkaistu versiona 2") ? true : null);

            Widget resident = new Widget(residentBrowser, base()).demo("fi").open();
            resident.send(WorkbenchTest.QUESTION);
            resident.waitMessage("bot", "Testikahvio on pääaulassa");

            // Issue 14.9: rollback publishes at once, so it asks; cancelling publishes nothing.
            editor.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[text()='Palauta versioon 1']"))).click();
            assertTrue(editor.driver.findElement(By.id("confirm-text")).getText().contains("julkaistaan heti"));
            WorkbenchPage.dialogButton(editor, "Peruuta").click();
            editor.until(d -> d.findElement(By.id("status")).getText().equals("Palautus peruttu.") ? true : null);
            assertTrue(editor.driver.findElement(By.id("versions")).getText().contains("2 (aktiivinen)"));
            editor.driver.findElement(By.xpath("//button[text()='Palauta versioon 1']")).click();
            WorkbenchPage.dialogButton(editor, "Palauta ja julkaise versio 1").click();
            editor.until(d -> d.findElement(By.id("status")).getText().contains("versio 3") ? true : null);
            resident.freshTab().demo("fi").open().send(WorkbenchTest.QUESTION);
            resident.waitMessage("resident", "testikahvio");
            residentBrowser.until(d -> resident.messages().stream().anyMatch(m -> m.get("author").equals("bot"))
                    || !d.findElement(By.id("status")).getText().isEmpty() ? true : null);
            assertTrue(resident.messages().stream().noneMatch(m -> m.get("text").contains("Testikahvio on pääaulassa")),
                    "after the rollback the draft's answer is gone");
        }
    }

    /** Issue 14.9: switching files with unsaved edits asks: keep editing, discard, or save. */
    @Test
    void unsavedEditsAreNotLostWhenSwitchingFiles() {
        try (Browser b = Browser.start()) {
            WorkbenchPage.signIn(b, base());
            b.driver.findElement(By.id("new-draft")).click();
            b.until(ExpectedConditions.visibilityOfElementLocated(By.id("draft")));
            Select files = new Select(b.driver.findElement(By.id("file")));
            String first = files.getFirstSelectedOption().getDomAttribute("value");
            String other = files.getOptions().get(1).getDomAttribute("value");
            String original = b.driver.findElement(By.id("editor")).getDomProperty("value");
            String edited = original + "\n# muutos\n";
            WorkbenchPage.type(b, edited);
            b.until(d -> d.findElement(By.id("unsaved")).getText().contains(first) ? true : null);

            files.selectByValue(other);
            assertTrue(WorkbenchPage.dialogButton(b, "Jatka muokkausta").isDisplayed());
            assertTrue(b.driver.findElement(By.id("confirm-text")).getText().contains(first));
            WorkbenchPage.dialogButton(b, "Jatka muokkausta").click();
            assertEquals(first, files.getFirstSelectedOption().getDomAttribute("value"));
            assertEquals(edited, b.driver.findElement(By.id("editor")).getDomProperty("value"), "the edit is still there");

            files.selectByValue(other);
            WorkbenchPage.dialogButton(b, "Hylkää muutokset").click();
            b.until(d -> other.equals(new Select(d.findElement(By.id("file"))).getFirstSelectedOption().getDomAttribute("value")) ? true : null);
            files.selectByValue(first);
            assertEquals(original, b.driver.findElement(By.id("editor")).getDomProperty("value"), "discarded");

            WorkbenchPage.type(b, edited);
            files.selectByValue(other);
            WorkbenchPage.dialogButton(b, "Tallenna ja jatka").click();
            b.until(d -> d.findElement(By.id("status")).getText().equals("Tallennettu " + first + ".") ? true : null);
            b.until(d -> other.equals(new Select(d.findElement(By.id("file"))).getFirstSelectedOption().getDomAttribute("value")) ? true : null);
            files.selectByValue(first);
            assertEquals(edited, b.driver.findElement(By.id("editor")).getDomProperty("value"), "saved");
            assertEquals("", b.driver.findElement(By.id("unsaved")).getText());
        }
    }

    /**
     * Issue 13.5 in the page: a second rules editor finds the draft that takes from the safety net in the drafts list,
     * opens it and approves it; the author, who could not publish it alone, then can.
     */
    @Test
    @org.junit.jupiter.api.Order(Integer.MAX_VALUE) // it publishes a version: after the tests that count versions
    void aSecondEditorApprovesADraftInThePage() throws Exception {
        fi.ikkuna.support.Pro author = fi.ikkuna.support.Pro.login(server, "saannot", "saannot-demo");
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.util.function.BiFunction<String, String, java.net.http.HttpResponse<String>> send = (path, body) -> {
            try {
                return http.send(java.net.http.HttpRequest.newBuilder(server.http(path)).header("Cookie", author.cookie())
                        .header("X-CSRF-Token", author.csrf()).header("Content-Type", "application/json")
                        .method(path.endsWith("/files") ? "PUT" : "POST", java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        };
        String draft = fi.ikkuna.web.Json.parseObject(send.apply("/api/workbench/drafts", "{}").body()).path("id").asText();
        // A changed safety instruction: recall stays, but it is a change to the safety net.
        String rescue = fi.ikkuna.web.Json.parseObject(author.get("/api/workbench/drafts/" + draft).body()).path("files")
                .path("rules/13-safety-rescue.yaml").asText();
        String changed = rescue.replaceFirst("Soita heti 112\\.", "Soita heti hätänumeroon 112.");
        org.junit.jupiter.api.Assertions.assertNotEquals(rescue, changed);
        send.apply("/api/workbench/drafts/" + draft + "/files", fi.ikkuna.web.Json.write(fi.ikkuna.web.Json.object()
                .put("path", "rules/13-safety-rescue.yaml").put("content", changed)));
        org.junit.jupiter.api.Assertions.assertEquals(409,
                send.apply("/api/workbench/drafts/" + draft + "/publish", "{\"comment\":\"alone\"}").statusCode());
        try (Browser b = Browser.start()) {
            b.driver.get(base() + "/console/");
            b.until(org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated(org.openqa.selenium.By.id("username")))
                    .sendKeys("admin");
            b.driver.findElement(org.openqa.selenium.By.id("password")).sendKeys("admin-demo");
            b.driver.findElement(org.openqa.selenium.By.cssSelector("#login-form button[type=submit]")).click();
            b.until(d -> d.getCurrentUrl().contains("/console") && d.manage().getCookies().stream().anyMatch(c -> !c.getName().isEmpty())
                    ? true : null);
            // One load: the draft exists before the page, so its list has it. Reloading inside the wait (as before)
            // restarted a page that, on a loaded machine, never finished loading within one poll.
            b.driver.get(base() + "/console/workbench.html");
            b.until(d -> d.findElements(org.openqa.selenium.By.cssSelector("#drafts li[data-id='" + draft + "'] button")).isEmpty() ? null : true);
            b.driver.findElement(org.openqa.selenium.By.cssSelector("#drafts li[data-id='" + draft + "'] button")).click();
            org.openqa.selenium.WebElement approve = b.until(org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated(
                    org.openqa.selenium.By.id("approve")));
            approve.click();
            b.until(d -> d.findElement(org.openqa.selenium.By.id("approval")).getText().contains("Antti Järvinen") ? true : null);
        }
        java.net.http.HttpResponse<String> published = send.apply("/api/workbench/drafts/" + draft + "/publish", "{\"comment\":\"reviewed\"}");
        org.junit.jupiter.api.Assertions.assertEquals(200, published.statusCode(), published.body());
    }
}
