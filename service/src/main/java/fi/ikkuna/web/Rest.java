package fi.ikkuna.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * The REST side of the edge: the one handler wrapper, the body check and the answers. Every refusal is a
 * {@link ProtocolException} and is answered {@code {"error":{"code","message","field",…details}}} with its
 * code's status, the same codes as WebSocket {@code error} frames; anything else escapes to {@link UnhandledErrors}.
 */
public final class Rest {
    /** Larger bodies are refused unread: no form, booking or rule edit needs more. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private Rest() {
    }

    /** Wraps a handler so every refusal becomes its documented JSON error. */
    public static Handler handle(Handler h) {
        return (req, res) -> {
            try {
                h.handle(req, res);
            } catch (ProtocolException e) {
                send(res, e);
            }
        };
    }

    /** The body as one JSON object; too large, not UTF-8 or not an object is refused before anything is looked at. */
    public static ObjectNode checkBody(ServerRequest req) {
        byte[] bytes;
        try (InputStream in = req.content().inputStream()) {
            bytes = in.readNBytes(MAX_BODY_BYTES + 1);
        } catch (IOException e) {
            throw new ProtocolException(ErrorCode.BAD_JSON, "The body could not be read");
        }
        if (bytes.length > MAX_BODY_BYTES) {
            throw new ProtocolException(ErrorCode.TOO_LARGE, "The body is larger than " + MAX_BODY_BYTES + " bytes");
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return Json.parseObject(text);
        } catch (CharacterCodingException e) {
            throw new ProtocolException(ErrorCode.BAD_JSON, "The body is not valid UTF-8");
        }
    }

    /** The refusal's body with its code's status. */
    public static void send(ServerResponse res, ProtocolException e) {
        ObjectNode err = Json.object();
        ObjectNode body = err.putObject("error").put("code", e.code().wire()).put("message", e.getMessage());
        if (e.field() != null) {
            body.put("field", e.field());
        }
        e.details().forEach((k, v) -> body.set(k, Json.MAPPER.valueToTree(v)));
        res.status(e.code().status()).header(HeaderValues.CONTENT_TYPE_JSON).send(Json.write(err));
    }

    /** A success body with the status already set (200 unless the handler chose another). */
    public static void json(ServerResponse res, Object body) {
        res.header(HeaderValues.CONTENT_TYPE_JSON).send(Json.write(body));
    }

    public static void send(ServerResponse res, int status, Object body) {
        res.status(Status.create(status)).header(HeaderValues.CONTENT_TYPE_JSON).send(Json.write(body));
    }

    /** fi, sv or en from {@code ?lang=}; anything else is Finnish. */
    public static String lang(ServerRequest req) {
        String l = req.query().first("lang").orElse("fi");
        return List.of("fi", "sv", "en").contains(l) ? l : "fi";
    }
}
