package fi.ikkuna.protocol;

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
 * Headers every response carries, whoever answers it: a route, the 404 of no route, an error handler or the
 * transport's own refusals. Booking, form-reply and resume tokens travel in URL paths, so no page may let the
 * browser pass its URL on as a Referer. Console and widget add their own policies on top.
 */
public final class EdgeHeaders implements Filter {
    private static final HeaderName REFERRER_POLICY = HeaderNames.create("Referrer-Policy");

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        apply(res);
        chain.proceed();
    }

    /** For error handlers: Helidon resets the response (and the filter's headers) before it calls them. */
    public static void apply(ServerResponse res) {
        res.header(REFERRER_POLICY, "no-referrer");
        res.header(HeaderNames.X_CONTENT_TYPE_OPTIONS, "nosniff");
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
