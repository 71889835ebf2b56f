package fi.ikkuna.widget;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import fi.ikkuna.protocol.Json;
import fi.ikkuna.support.Pro;
import fi.ikkuna.support.ServiceTest;
import fi.ikkuna.support.WsTestClient;
import org.junit.jupiter.api.Test;

/** With nobody at a console the widget is told to offer a contact request; a signed-in console opens the chat. */
class WidgetStaffingTest extends ServiceTest {

    @Override
    protected Map<String, String> config() {
        return Map.of("ikkuna.widget.when-nobody-online", "contact-request", "ikkuna.widget.opening-hours", "always");
    }

    @Test
    void chatOpensOnlyWhileSomeoneIsOnline() throws Exception {
        assertFalse(open(), "nobody online");
        WsTestClient console = Pro.login(server, "hoitaja", "hoitaja-demo").connect();
        assertTrue(open(), "a professional is online");
        console.closeNormally();
        long deadline = System.currentTimeMillis() + 10_000;
        while (open() && System.currentTimeMillis() < deadline) {
            Thread.onSpinWait();
        }
        assertFalse(open(), "the console closed");
    }

    private boolean open() throws Exception {
        HttpResponse<String> res = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.http("/widget/status")).build(),
                HttpResponse.BodyHandlers.ofString());
        return Json.parseObject(res.body()).path("open").asBoolean();
    }
}
