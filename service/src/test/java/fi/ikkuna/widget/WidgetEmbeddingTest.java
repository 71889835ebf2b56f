package fi.ikkuna.widget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The snippet on a county page of another origin: the allow-listed county can embed the widget and the
 * postMessage contract works across origins; a county not on the list cannot frame the app at all.
 */
class WidgetEmbeddingTest extends BrowserTestBase {
    private final HttpServer allowed = county();
    private final HttpServer foreign = county();

    @Override
    protected Map<String, String> config() {
        return Map.of("ikkuna.ws.allowed-origins", origin(allowed));
    }

    @AfterAll
    void stopCounties() {
        allowed.stop(0);
        foreign.stop(0);
    }

    @Test
    void allowListedCountyEmbedsTheWidget() {
        widget.driver.get(origin(allowed) + "/");
        browser.until(ExpectedConditions.elementToBeClickable(By.id("ikkuna-launcher")));
        browser.until(d -> d.findElement(By.id("ikkuna-launcher")).getText().contains("Ask us"));
        assertEquals(Boolean.TRUE, widget.js("return document.getElementById('ikkuna-launcher').getBoundingClientRect().left < 100"),
                "data-position=left");
        widget.open();
        widget.host();
        assertEquals(Boolean.TRUE, widget.js("return document.getElementById('ikkuna-panel').getBoundingClientRect().left < 100"));
        widget.enterApp();
        widget.send("Hello from a county page");
        widget.waitMessage("resident", "Hello from a county page");
        widget.browser.until(d -> "text".equals(widget.js("return document.activeElement.id")));
        new Actions(widget.driver).sendKeys(Keys.ESCAPE).perform();
        widget.host();
        browser.until(d -> !d.findElement(By.id("ikkuna-panel")).isDisplayed());
        assertEquals("ikkuna-launcher", widget.js("return document.activeElement.id"), "close message crossed origins");
    }

    @Test
    void countyNotOnTheListCannotFrameTheApp() {
        widget.driver.get(origin(foreign) + "/");
        browser.until(ExpectedConditions.elementToBeClickable(By.id("ikkuna-launcher"))).click();
        browser.until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.cssSelector("#ikkuna-panel iframe")));
        // Chromium replaces a document refused by frame-ancestors with an empty error page.
        browser.until(d -> !"".equals(widget.js("return document.readyState === 'complete' ? 'done' : ''")));
        assertNull(widget.js("return document.getElementById('text')"), "the app must not render inside a foreign page");
        widget.host();
        assertTrue(widget.launcher().isDisplayed());
    }

    private String origin(HttpServer s) {
        return "http://localhost:" + s.getAddress().getPort();
    }

    /** A county's page on its own origin (localhost:port, a different site from the service's 127.0.0.1). */
    private HttpServer county() {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            s.createContext("/", exchange -> {
                String page = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>County</title></head>"
                        + "<body><main><h1>County page</h1></main>"
                        + "<script src=\"http://127.0.0.1:" + proxy.port() + "/widget/loader.js\" data-lang=\"en\" data-position=\"left\" async></script>"
                        + "</body></html>";
                byte[] body = page.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            s.start();
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
