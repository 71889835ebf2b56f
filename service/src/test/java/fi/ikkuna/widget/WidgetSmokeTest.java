package fi.ikkuna.widget;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fi.ikkuna.support.Backend;
import fi.ikkuna.support.Browser;
import fi.ikkuna.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WidgetSmokeTest {
    private Backend backend;
    private TestServer server;
    private Browser browser;

    @BeforeAll
    void start() {
        backend = Backend.h2();
        server = new TestServer(backend);
        browser = Browser.start();
    }

    @AfterAll
    void stop() throws Exception {
        browser.close();
        server.close();
        backend.close();
    }

    @Test
    void demoOpensWidget() {
        Widget w = new Widget(browser, "http://127.0.0.1:" + server.port()).demo("fi").open();
        w.send("Hei");
        w.waitMessage("resident", "Hei");
        assertEquals("[]", w.browser.axeViolations());
    }
}
