package fi.ikkuna.console;

import java.util.List;

import fi.ikkuna.support.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** The professional's side of a browser test: the console page in its own Chromium. */
final class Console {
    final Browser browser;
    private final String base;

    Console(Browser browser, String base) {
        this.browser = browser;
        this.base = base;
    }

    Console signIn(String username, String password) {
        browser.driver.get(base + "/console/");
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        browser.driver.findElement(By.id("username")).sendKeys(username);
        browser.driver.findElement(By.id("password")).sendKeys(password);
        browser.driver.findElement(By.cssSelector("#login-form button[type=submit]")).click();
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("work-view")));
        browser.until(d -> status().isEmpty() ? null : true);
        return this;
    }

    Console signOut() {
        browser.driver.findElement(By.id("logout")).click();
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-view")));
        return this;
    }

    /** Ids of the conversations the board shows now. */
    @SuppressWarnings("unchecked")
    List<String> waiting() {
        return (List<String>) ((JavascriptExecutor) browser.driver).executeScript(
                "return [...document.querySelectorAll('#queues tr[data-conversation]')].map(r => r.dataset.conversation);");
    }

    /** Waits until the board shows a conversation not in {@code before} and returns its id. */
    String waitForNew(List<String> before) {
        return browser.until(d -> waiting().stream().filter(id -> !before.contains(id)).findFirst().orElse(null));
    }

    boolean boardShows(String conversationId) {
        return !browser.driver.findElements(By.cssSelector("#queues tr[data-conversation='" + conversationId + "']")).isEmpty();
    }

    /** Clicks the row's take-over button; the board re-renders live, so find and click in one step. */
    void take(String conversationId) {
        browser.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "const b = document.querySelector(`#queues tr[data-conversation='${arguments[0]}'] button`);"
                        + "if (!b) return null; b.focus(); b.click(); return true;", conversationId));
    }

    /** Keeps a reference to the row's take-over button, as a professional's screen shows it at this moment. */
    void arm(String conversationId) {
        browser.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "window.__take = document.querySelector(`#queues tr[data-conversation='${arguments[0]}'] button`);"
                        + "return window.__take ? true : null;", conversationId));
    }

    /** Clicks the kept button even if the live board has re-rendered since: a click on a row someone just took. */
    void fireArmed() {
        ((JavascriptExecutor) browser.driver).executeScript("window.__take.click();");
    }

    void waitTranscript(String part) {
        browser.until(d -> d.findElement(By.id("transcript")).getText().contains(part) ? true : null);
    }

    void reply(String text) {
        WebElement box = browser.driver.findElement(By.id("reply"));
        box.sendKeys(text);
        browser.driver.findElement(By.cssSelector("#reply-form button[type=submit]")).click();
        waitTranscript(text);
    }

    void transfer(String queue, String reason) {
        new Select(browser.driver.findElement(By.id("transfer-queue"))).selectByValue(queue);
        browser.driver.findElement(By.id("transfer-reason")).sendKeys(reason);
        browser.driver.findElement(By.cssSelector("#transfer-form button")).click();
    }

    void close(String outcome) {
        new Select(browser.driver.findElement(By.id("outcome"))).selectByValue(outcome);
        browser.driver.findElement(By.cssSelector("#close-form button")).click();
    }

    String metaState() {
        return browser.driver.findElement(By.cssSelector("#conv-meta [data-field='state']")).getDomAttribute("data-state");
    }

    String status() {
        return browser.driver.findElement(By.id("status")).getText();
    }

    Object js(String script) {
        return ((JavascriptExecutor) browser.driver).executeAsyncScript(script);
    }
}
