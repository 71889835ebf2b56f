package fi.ikkuna;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import fi.ikkuna.support.RawWs;
import fi.ikkuna.support.ServiceTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 13.9: booking, form-reply and resume tokens travel in URL paths, so no response may let a browser send
 * its URL on as a Referer: every kind of response carries {@code Referrer-Policy: no-referrer}.
 */
class ReferrerPolicyTest extends ServiceTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Override
    protected Map<String, String> config() {
        return Map.of("ikkuna.ws.allowed-origins", "https://www.hyvinvointialue.example");
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "GET, /widget/app.html, 200",
            "GET, /widget/booking.html, 200",
            "GET, /widget/loader.js, 200",
            "GET, /widget/i18n/fi.json, 200",
            "GET, /widget/status, 200",
            "GET, /widget/nothing.js, 404",
            "GET, /widget/../application.yaml, 404",
            "GET, /demo, 200",
            "GET, /accessibility, 200",
            "GET, /console, 301",
            "GET, /console/, 200",
            "GET, /console/console.js, 200",
            "GET, /console/no-such-file.js, 404",
            "GET, /api/console/content, 401",
            "GET, /api/appointments/bookings/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA, 404",
            "GET, /api/forms/replies/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA, 404",
            "POST, /api/auth/login, 400",
            "POST, /api/triage/simulate, 400",
            "GET, /observe/health, 200",
            "GET, /observe/metrics, 401",
            "GET, /no/such/path, 404",
            "DELETE, /demo, 404",
    })
    void everyResponseSendsNoReferrer(String method, String path, int status) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(server.http(path))
                .method(method, "POST".equals(method) ? HttpRequest.BodyPublishers.ofString("{not json")
                        : HttpRequest.BodyPublishers.noBody())
                .header("Content-Type", "application/json").build();
        HttpResponse<String> r = HTTP.send(req, HttpResponse.BodyHandlers.ofString());
        assertEquals(status, r.statusCode(), path + ": " + r.body());
        assertEquals("no-referrer", r.headers().firstValue("referrer-policy").orElse(null), method + " " + path);
        assertEquals("nosniff", r.headers().firstValue("x-content-type-options").orElse(null), method + " " + path);
    }

    @ParameterizedTest
    @CsvSource({"/ws/resident", "/ws/pro"})
    void refusedHandshakesSendNoReferrerEither(String path) throws Exception {
        try (RawWs raw = new RawWs(server, path, "https://evil.example")) {
            String head = raw.handshakeHead();
            assertEquals(false, head.startsWith("HTTP/1.1 101"), head);
            assertEquals(true, head.toLowerCase().contains("\r\nreferrer-policy: no-referrer\r\n"), head);
        }
    }
}
