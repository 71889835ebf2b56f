package fi.ikkuna.console;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/**
 * Strict headers for the professional console and the JSON API: no framing, no inline script (no sniffing and
 * no referrer come from {@code EdgeHeaders} for every response). The widget sets its own (it must be framed by
 * the county's pages).
 */
public final class SecurityHeaders implements Filter {
    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        String path = req.path().path();
        if (path.startsWith("/console") || path.startsWith("/api/")) {
            res.header(HeaderNames.create("Content-Security-Policy"), CSP);
            res.header(HeaderNames.create("X-Frame-Options"), "DENY");
            if (path.startsWith("/api/")) {
                res.header(HeaderNames.CACHE_CONTROL, "no-store");
            }
        }
        chain.proceed();
    }
}
