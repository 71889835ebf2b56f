package fi.ikkuna.widget;

import java.util.List;
import java.util.Map;

import fi.ikkuna.support.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The resident's side of a browser test: the demo page, its launcher, and the widget app inside the iframe. */
public final class Widget {
    final Browser browser;
    final WebDriver driver;
    private final String base;

    public Widget(Browser browser, String base) {
        this.browser = browser;
        this.driver = browser.driver;
        this.base = base;
    }

    /** A new tab has its own sessionStorage, so each test starts as a new resident. */
    public Widget freshTab() {
        String old = driver.getWindowHandle();
        driver.switchTo().newWindow(WindowType.TAB);
        String fresh = driver.getWindowHandle();
        driver.switchTo().window(old).close();
        driver.switchTo().window(fresh);
        return this;
    }

    public Widget demo(String lang) {
        driver.get(base + "/demo?lang=" + lang);
        browser.until(ExpectedConditions.elementToBeClickable(By.id("ikkuna-launcher")));
        // The launcher label arrives with the i18n file; wait so tests see the final accessible name.
        browser.until(d -> !"Ikkuna".equals(d.findElement(By.id("ikkuna-launcher")).getText()));
        return this;
    }

    WebElement launcher() {
        return driver.findElement(By.id("ikkuna-launcher"));
    }

    /** Clicks the launcher and moves into the app once it is ready for input. */
    public Widget open() {
        host();
        launcher().click();
        enterApp();
        return this;
    }

    Widget enterApp() {
        host();
        browser.until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.cssSelector("#ikkuna-panel iframe")));
        browser.until(d -> ((JavascriptExecutor) d).executeScript(
                "return document.getElementById('counter') && document.getElementById('counter').textContent !== ''"));
        return this;
    }

    Widget host() {
        driver.switchTo().defaultContent();
        return this;
    }

    public WebElement byId(String id) {
        return driver.findElement(By.id(id));
    }

    /** Types into the composer and presses Enter, as a resident does. */
    public Widget send(String text) {
        WebElement t = byId("text");
        t.clear();
        t.sendKeys(text);
        t.sendKeys(org.openqa.selenium.Keys.ENTER);
        return this;
    }

    public void waitText(String id, String part) {
        browser.until(d -> {
            String s = d.findElement(By.id(id)).getText();
            return s.contains(part) ? s : null;
        });
    }

    public void waitVisible(String id) {
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    /** The rendered messages: author class, text, status (data-status) and lang. */
    @SuppressWarnings("unchecked")
    public List<Map<String, String>> messages() {
        return (List<Map<String, String>>) ((JavascriptExecutor) driver).executeScript("""
                return [...document.querySelectorAll('#log .msg')].map(m => ({
                  author: m.className.replace('msg msg--', ''), text: m.querySelector('.msg__text').textContent,
                  status: m.dataset.status || '', lang: m.lang, seq: m.dataset.seq || '' }));
                """);
    }

    public Map<String, String> waitMessage(String author, String textPart) {
        return browser.until(d -> messages().stream()
                .filter(m -> m.get("author").equals(author) && m.get("text").contains(textPart)).findFirst().orElse(null));
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }
}
