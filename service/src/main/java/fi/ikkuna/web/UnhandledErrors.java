package fi.ikkuna.web;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.HttpException;
import io.helidon.http.Status;
import io.helidon.webserver.http.ErrorHandler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import fi.ikkuna.persistence.Unavailable;

/**
 * The answer to any exception a route lets escape. An exception's message can hold a resident's text, SQL or
 * "Java heap space", so a 500 says only that it failed and under which correlation id the log has the stack
 * trace. The log names the route's pattern, never the path: paths carry booking and reply tokens.
 */
public final class UnhandledErrors implements ErrorHandler<Throwable> {
    private static final Logger LOG = Logger.getLogger(UnhandledErrors.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public void handle(ServerRequest req, ServerResponse res, Throwable t) {
        SecurityHeaders.edge(res);
        if (t instanceof HttpException http && http.status().code() < 500) {
            // Helidon's own refusals (unparsable query, no such route): the status is the answer, the message is not.
            send(res, http.status(), ErrorCode.ofRefusal(http.status()).wire(), http.status().reasonPhrase(), null);
            return;
        }
        if (Unavailable.is(t)) {
            // An outage, not a fault of this request: the client may send it again (the console banner says so).
            LOG.warning(() -> "Database unavailable in " + req.prologue().method().text() + " "
                    + req.matchingPattern().orElse("(no route)") + ": " + Unavailable.summary(t));
            res.header(HeaderNames.RETRY_AFTER, "5");
            send(res, ErrorCode.UNAVAILABLE.status(), ErrorCode.UNAVAILABLE.wire(),
                    "The service is temporarily unavailable; try again shortly", null);
            return;
        }
        byte[] b = new byte[8];
        RANDOM.nextBytes(b);
        String id = HexFormat.of().formatHex(b);
        LOG.log(Level.SEVERE, t, () -> "Unhandled error " + id + " in " + req.prologue().method().text() + " "
                + req.matchingPattern().orElse("(no route)"));
        res.header(HeaderNames.create("X-Correlation-Id"), id);
        send(res, ErrorCode.INTERNAL.status(), ErrorCode.INTERNAL.wire(), "Internal error; reported under " + id, id);
    }

    private static void send(ServerResponse res, Status status, String code, String message, String correlationId) {
        ObjectNode body = Json.object();
        ObjectNode error = body.putObject("error").put("code", code).put("message", message);
        if (correlationId != null) {
            error.put("correlationId", correlationId);
        }
        res.status(status).header(HeaderValues.CONTENT_TYPE_JSON).header(HeaderNames.CACHE_CONTROL, "no-store").send(Json.write(body));
    }
}
