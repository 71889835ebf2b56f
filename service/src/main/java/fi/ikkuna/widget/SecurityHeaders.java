package fi.ikkuna.widget;

import io.helidon.webserver.http.ServerResponse;

/**
 * Response headers of the widget's documents. The app may be framed only by the service itself and the configured
 * county origins (the same allow-list as the WebSocket Origin check); no inline script anywhere. No sniffing and
 * no referrer come from {@code EdgeHeaders} for every response.
 */
final class SecurityHeaders {
    private final String appPolicy;
    private static final String PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; frame-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    SecurityHeaders(String frameAncestors) {
        // connect-src 'self' also covers ws:/wss: to the same host in CSP Level 3 browsers.
        this.appPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
                + "base-uri 'none'; form-action 'none'; frame-ancestors " + frameAncestors;
    }

    void app(ServerResponse res) {
        res.header("Content-Security-Policy", appPolicy);
    }

    void page(ServerResponse res) {
        res.header("Content-Security-Policy", PAGE_POLICY);
    }
}
