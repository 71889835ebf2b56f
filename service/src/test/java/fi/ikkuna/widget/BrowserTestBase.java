package fi.ikkuna.widget;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.ikkuna.support.Browser;
import fi.ikkuna.support.Frames;
import fi.ikkuna.support.Pro;
import fi.ikkuna.support.ServiceTest;
import fi.ikkuna.support.TcpProxy;
import fi.ikkuna.support.WsTestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;

/**
 * One real service (ServiceTest: embedded H2, the real rule pipeline, the class's config()), one loopback proxy in
 * front of it and one headless Chromium per test class; every test starts in a fresh tab, i.e. as a new resident.
 * JUnit starts the service before this class's {@code @BeforeAll} and stops it after its {@code @AfterAll}.
 */
@Tag("browser")
abstract class BrowserTestBase extends ServiceTest {
    protected TcpProxy proxy;
    protected Browser browser;
    protected Widget widget;

    @BeforeAll
    void startBrowser() {
        proxy = new TcpProxy(server.port());
        browser = Browser.start();
        widget = new Widget(browser, "http://127.0.0.1:" + proxy.port());
    }

    @AfterAll
    void stopBrowser() throws Exception {
        browser.close();
        proxy.close();
    }

    @BeforeEach
    void freshResident() {
        proxy.restore();
        widget.freshTab();
    }

    /** The conversation the widget tab is in, as the app marks it once welcomed. */
    protected String conversationId() {
        return widget.browser.until(d -> {
            Object id = widget.js("return document.body.dataset.conversation || null");
            return id == null ? null : id.toString();
        });
    }

    /** A professional (the administrator sees every queue) who claims the widget's conversation. */
    protected WsTestClient claim(String conversationId) {
        WsTestClient pro = Pro.login(server, "admin", "admin-demo").connect();
        pro.send(Frames.pro("claim", conversationId));
        pro.await("claimed");
        return pro;
    }

    protected static ObjectNode proMessage(String conversationId, String clientMsgId, String text) {
        return Frames.pro("message", conversationId).put("clientMsgId", clientMsgId).put("text", text);
    }
}
