package fi.ikkuna.widget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import fi.ikkuna.support.ServiceTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the service promises about the widget's files and pages over plain HTTP. */
class WidgetHttpTest extends ServiceTest {
    private static final String COUNTY = "https://www.hyvinvointialue.example";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Override
    protected Map<String, String> config() {
        return Map.of("ikkuna.ws.allowed-origins", COUNTY, "ikkuna.widget.when-nobody-online", "contact-request");
    }

    private HttpResponse<String> get(String path, String... headers) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(server.http(path)).GET();
            for (int i = 0; i < headers.length; i += 2) {
                b.header(headers[i], headers[i + 1]);
            }
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void appMayBeFramedOnlyBySelfAndAllowedOrigins() {
        HttpResponse<String> r = get("/widget/app.html");
        assertEquals(200, r.statusCode());
        String csp = r.headers().firstValue("content-security-policy").orElseThrow();
        assertTrue(csp.contains("frame-ancestors 'self' " + COUNTY), csp);
        assertTrue(csp.contains("script-src 'self'"), csp);
        assertFalse(csp.contains("unsafe-inline"), csp);
        assertFalse(r.body().matches("(?s).*<script>.*"), "no inline script in the app");
        assertEquals("nosniff", r.headers().firstValue("x-content-type-options").orElseThrow());
    }

    /** The booking and form-reply pages hold tokens: the same strict CSP as the app, no inline script, no referrer. */
    @ParameterizedTest
    @ValueSource(strings = {"booking.html", "reply.html"})
    void bookingAndReplyPagesHaveTheAppPolicy(String page) {
        HttpResponse<String> r = get("/widget/" + page);
        assertEquals(200, r.statusCode());
        String csp = r.headers().firstValue("content-security-policy").orElseThrow();
        assertTrue(csp.contains("default-src 'none'") && csp.contains("script-src 'self'") && csp.contains("connect-src 'self'"), csp);
        assertFalse(csp.contains("unsafe-inline"), csp);
        assertFalse(r.body().matches("(?s).*<script>.*"), "no inline script");
        assertEquals("no-referrer", r.headers().firstValue("referrer-policy").orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"loader.js:text/javascript", "app.js:text/javascript", "connection.js:text/javascript",
            "app.css:text/css", "i18n/sv.json:application/json", "app.html:text/html"})
    void filesHaveTheirContentTypeAndRevalidate(String spec) {
        String[] p = spec.split(":");
        HttpResponse<String> r = get("/widget/" + p[0]);
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("content-type").orElseThrow().startsWith(p[1]));
        assertEquals("no-cache", r.headers().firstValue("cache-control").orElseThrow());
        String etag = r.headers().firstValue("etag").orElseThrow();
        assertEquals(304, get("/widget/" + p[0], "If-None-Match", etag).statusCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"../application.yaml", "%2e%2e/application.yaml", "nothing.js", "i18n/../../application.yaml",
            "app.exe", "META-INF/MANIFEST.MF"})
    void nothingOutsideTheWidgetIsServed(String path) {
        assertEquals(404, get("/widget/" + path).statusCode(), path);
    }

    @Test
    void demoEmbedsTheSnippetInEachLanguage() {
        for (String lang : new String[] {"fi", "sv", "en"}) {
            HttpResponse<String> r = get("/demo?lang=" + lang);
            assertEquals(200, r.statusCode());
            assertTrue(r.body().contains("<html lang=\"" + lang + "\">"), lang);
            assertTrue(r.body().contains("<script src=\"/widget/loader.js\" data-lang=\"" + lang + "\" async></script>"), lang);
            assertTrue(r.headers().firstValue("content-security-policy").orElseThrow().contains("script-src 'self'"));
        }
        assertTrue(get("/demo", "Accept-Language", "sv-FI,sv;q=0.9").body().contains("<html lang=\"sv\">"));
    }

    @Test
    void accessibilityStatementInEachLanguage() {
        assertTrue(get("/accessibility?lang=fi").body().contains("Saavutettavuusseloste"));
        assertTrue(get("/accessibility?lang=sv").body().contains("Tillgänglighetsutlåtande"));
        assertTrue(get("/accessibility?lang=en").body().contains("Accessibility statement"));
        assertTrue(get("/accessibility?lang=fi").body().contains("306/2019"));
    }

    @Test
    void statusIsClosedWhileNobodyCanAnswer() {
        HttpResponse<String> r = get("/widget/status");
        assertEquals("{\"open\":false,\"services\":[]}", r.body());
        assertEquals("no-store", r.headers().firstValue("cache-control").orElseThrow());
    }

    @Test
    void loaderUsesExplicitOriginsAndNoHtmlInjection() {
        String loader = get("/widget/loader.js").body();
        assertTrue(loader.contains("postMessage(Object.assign({ ikkuna: 1 }, msg), origin)"));
        assertTrue(loader.contains("event.origin !== origin"));
        // No HTML from strings and no localStorage in the browser code: ESLint's rules (eslint.config.js, run by .ci/run).
    }
}
