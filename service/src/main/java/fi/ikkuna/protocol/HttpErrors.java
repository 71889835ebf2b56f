package fi.ikkuna.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerResponse;

/** REST error bodies: {@code {"error": {"code", "message", "field"}}}, the same codes as WebSocket errors. */
public final class HttpErrors {
    private HttpErrors() {
    }

    /** Wraps a handler so any {@link ProtocolException} it throws becomes the JSON error response. */
    public static Handler guard(Handler handler) {
        return (req, res) -> {
            try {
                handler.handle(req, res);
            } catch (ProtocolException e) {
                send(res, e);
            }
        };
    }

    public static void send(ServerResponse res, ProtocolException e) {
        ObjectNode err = Json.object();
        ObjectNode body = err.putObject("error").put("code", e.code().wire()).put("message", e.getMessage());
        if (e.field() != null) {
            body.put("field", e.field());
        }
        e.details().forEach((k, v) -> body.set(k, Json.MAPPER.valueToTree(v)));
        res.status(status(e.code())).header(HeaderValues.CONTENT_TYPE_JSON).send(Json.write(err));
    }

    public static void json(ServerResponse res, Object body) {
        res.header(HeaderValues.CONTENT_TYPE_JSON).send(Json.write(body));
    }

    private static Status status(ErrorCode code) {
        return switch (code) {
            case UNAUTHORIZED -> Status.UNAUTHORIZED_401;
            case FORBIDDEN, CSRF -> Status.FORBIDDEN_403;
            case NOT_FOUND -> Status.NOT_FOUND_404;
            case RATE_LIMITED -> Status.TOO_MANY_REQUESTS_429;
            case ALREADY_CLAIMED, ILLEGAL_TRANSITION, CONVERSATION_CLOSED -> Status.CONFLICT_409;
            case UNAVAILABLE -> Status.SERVICE_UNAVAILABLE_503;
            case INTERNAL -> Status.INTERNAL_SERVER_ERROR_500;
            default -> Status.BAD_REQUEST_400;
        };
    }
}
