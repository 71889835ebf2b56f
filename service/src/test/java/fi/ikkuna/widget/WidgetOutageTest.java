package fi.ikkuna.widget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import fi.ikkuna.support.Browser;
import fi.ikkuna.support.Frames;
import fi.ikkuna.support.OutageServer;
import fi.ikkuna.support.Pro;
import fi.ikkuna.support.WsTestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 13.8 in real headless Chromium: the service's MariaDB stops answering while a resident writes. The widget
 * says plainly that the service is away and the message is kept, resends it with backoff, and once the database
 * is back the message is delivered once and the notice is gone.
 */
@Tag("mariadb")
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WidgetOutageTest {
    private static final String NOTICE = "Palvelu on hetkellisesti poissa käytöstä — viestisi on tallessa ja lähetetään, kun yhteys palaa.";
    /** The widget's backoff grows to 15 s during an outage; the pool needs a few seconds to reconnect after it. */
    private static final Duration RECOVERY = Duration.ofSeconds(60);

    private OutageServer service;
    private Browser browser;
    private Widget widget;

    @BeforeAll
    void startAll() {
        service = new OutageServer(Map.of("ikkuna.widget.opening-hours", "always"));
        browser = Browser.start();
        widget = new Widget(browser, "http://127.0.0.1:" + service.server.port());
    }

    @AfterAll
    void stopAll() {
        browser.close();
        service.close();
    }

    @BeforeEach
    void freshResident() {
        service.startDatabase();
        service.awaitDatabase("UP");
        widget.freshTab();
    }

    @Test
    void messageWrittenInAnOutageIsKeptAndSentOnce() {
        widget.demo("fi").open();
        widget.send("Hei, haluaisin kysyä laskustani");
        widget.browser.until(d -> "sent".equals(status("laskustani")) ? true : null);
        String id = conversationId();

        service.stopDatabase();
        widget.send("Kirjoitettu tietokannan katkon aikana");
        widget.waitText("conn", NOTICE);
        assertEquals("status", widget.byId("conn").getDomAttribute("role"), "a polite status region");
        widget.browser.until(d -> "waiting".equals(status("katkon aikana")) ? true : null);
        assertTrue(widget.byId("text-error").getText().isEmpty(), "not shown as a fault of what the resident typed");
        assertEquals("[]", browser.axeViolations(), "the outage notice");

        service.startDatabase();
        recovered(d -> "sent".equals(status("katkon aikana")) ? true : null);
        widget.browser.until(d -> widget.byId("conn").getText().isEmpty() ? true : null);
        assertEquals(1, shown("Kirjoitettu tietokannan katkon aikana"), widget.messages().toString());
        assertEquals(1, stored(id, "Kirjoitettu tietokannan katkon aikana"));
    }

    /** The first message of a new resident: the hello itself meets the outage; the conversation starts once it is over. */
    @Test
    void firstMessageInAnOutageStartsTheConversationWhenTheDatabaseReturns() {
        widget.demo("fi").open();
        service.stopDatabase();
        service.awaitDatabase("DOWN");
        widget.send("Ensimmäinen viesti katkon aikana");
        widget.waitText("conn", NOTICE);
        widget.browser.until(d -> "waiting".equals(status("Ensimmäinen")) ? true : null);

        service.startDatabase();
        recovered(d -> "sent".equals(status("Ensimmäinen")) ? true : null);
        widget.browser.until(d -> widget.byId("conn").getText().isEmpty() ? true : null);
        assertEquals(1, shown("Ensimmäinen viesti katkon aikana"), widget.messages().toString());
        assertEquals(1, stored(conversationId(), "Ensimmäinen viesti katkon aikana"));
    }

    private <T> T recovered(Function<WebDriver, T> condition) {
        return new WebDriverWait(browser.driver, RECOVERY).until(condition);
    }

    private String status(String textPart) {
        return widget.messages().stream().filter(m -> m.get("author").equals("resident") && m.get("text").contains(textPart))
                .map(m -> m.get("status")).findFirst().orElse(null);
    }

    private long shown(String text) {
        return widget.messages().stream().filter(m -> m.get("text").equals(text)).count();
    }

    private String conversationId() {
        return browser.until(d -> {
            Object id = widget.js("return document.body.dataset.conversation || null");
            return id == null ? null : id.toString();
        });
    }

    /** How often the text is stored, as a professional opening the conversation sees it. */
    private long stored(String conversationId, String text) {
        try (WsTestClient pro = Pro.login(service.server, "admin", "admin-demo").connect()) {
            pro.send(Frames.pro("open", conversationId).put("purpose", "care"));
            List<String> texts = pro.await("opened").path("messages").findValuesAsText("text");
            return texts.stream().filter(text::equals).count();
        }
    }
}
