package fi.ikkuna.web;

import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.DirectHandlers;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.helidon.webserver.http.ServerResponse;

/**
 * The response headers of the security policy, all in one place. Every response, whoever answers it (a route,
 * the 404 of no route, an error handler or the transport's own refusals), carries no-referrer and nosniff:
 * booking, form-reply and resume tokens travel in URL paths, so no page may let the browser pass its URL on.
 * The console and the JSON API may not be framed and run no inline script; the widget's documents set their
 * own policy ({@link #widgetApp}, {@link #WIDGET_PAGE}) because the county's pages must be able to frame the app.
 */
public final class SecurityHeaders implements Filter {
    private static final HeaderName REFERRER_POLICY = HeaderNames.create("Referrer-Policy");
    private static final HeaderName CSP = HeaderNames.create("Content-Security-Policy");
    private static final String CONSOLE = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
    /** The widget's own pages (demo, accessibility statement): framed by nobody, they frame the app themselves. */
    public static final String WIDGET_PAGE = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; frame-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        edge(res);
        String path = req.path().path();
        if (path.startsWith("/console") || path.startsWith("/api/")) {
            res.header(CSP, CONSOLE);
            res.header(HeaderNames.create("X-Frame-Options"), "DENY");
            if (path.startsWith("/api/")) {
                res.header(HeaderNames.CACHE_CONTROL, "no-store");
            }
        }
        chain.proceed();
    }

    /** For error handlers: Helidon resets the response (and the filter's headers) before it calls them. */
    public static void edge(ServerResponse res) {
        res.header(REFERRER_POLICY, "no-referrer");
        res.header(HeaderNames.X_CONTENT_TYPE_OPTIONS, "nosniff");
    }

    /**
     * The widget app (app.html, booking and reply pages): framed only by the service itself and the configured county
     * origins (the WebSocket Origin allow-list); connect-src 'self' also covers ws:/wss: to the same host in CSP Level 3.
     */
    public static String widgetApp(String frameAncestors) {
        return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
                + "base-uri 'none'; form-action 'none'; frame-ancestors " + frameAncestors;
    }

    /** Sets a document's Content-Security-Policy. */
    public static void policy(ServerResponse res, String policy) {
        res.header(CSP, policy);
    }

    /**
     * Answers for what never reaches routing (malformed requests, oversized headers): the status and its reason
     * phrase only, since Helidon's default would echo an exception message that can quote the request.
     */
    public static DirectHandlers directHandlers() {
        DirectHandler handler = (request, type, status, headers, message) -> {
            headers.set(REFERRER_POLICY, "no-referrer");
            headers.set(HeaderNames.X_CONTENT_TYPE_OPTIONS, "nosniff");
            headers.set(HeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
            return DirectHandler.TransportResponse.builder().status(status).headers(headers).entity(status.reasonPhrase()).build();
        };
        DirectHandlers.Builder b = DirectHandlers.builder();
        for (DirectHandler.EventType type : DirectHandler.EventType.values()) {
            b.addHandler(type, handler);
        }
        return b.build();
    }
}
