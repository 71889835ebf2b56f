package fi.ikkuna.form;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.ikkuna.protocol.HttpErrors;
import fi.ikkuna.protocol.Json;
import fi.ikkuna.protocol.ProtocolException;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** Request bodies and error answers shared by the forms and appointments REST services. */
public final class Rest {
    /** Larger bodies are refused unread: no form or booking needs more. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private Rest() {
    }

    /** Wraps a handler so every refusal becomes its documented JSON error and nothing else escapes. */
    public static Handler handle(Handler h) {
        return (req, res) -> {
            try {
                h.handle(req, res);
            } catch (ProtocolException e) {
                HttpErrors.send(res, e);
            } catch (InvalidFields e) {
                ObjectNode body = Json.object();
                ObjectNode err = body.putObject("error").put("code", "invalid_fields").put("message", e.getMessage());
                ArrayNode fields = err.putArray("fields");
                e.fields().forEach(f -> fields.addObject().put("field", f.field()).put("code", f.code()).put("message", f.message()));
                send(res, 400, body);
            } catch (ApiError e) {
                ObjectNode body = Json.object();
                ObjectNode err = body.putObject("error").put("code", e.code()).put("message", e.getMessage());
                if (e.field() != null) {
                    err.put("field", e.field());
                }
                send(res, e.status(), body);
            }
        };
    }

    /** The body as one JSON object; too large, not UTF-8 or not an object is a 400 before anything is looked at. */
    public static ObjectNode checkBody(ServerRequest req) {
        byte[] bytes;
        try (InputStream in = req.content().inputStream()) {
            bytes = in.readNBytes(MAX_BODY_BYTES + 1);
        } catch (IOException e) {
            throw new ApiError(400, "bad_json", "The body could not be read");
        }
        if (bytes.length > MAX_BODY_BYTES) {
            throw new ApiError(413, "too_large", "The body is larger than " + MAX_BODY_BYTES + " bytes");
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            return Json.parseObject(text);
        } catch (CharacterCodingException e) {
            throw new ApiError(400, "bad_json", "The body is not valid UTF-8");
        }
    }

    public static void send(ServerResponse res, int status, Object body) {
        res.status(Status.create(status)).header(HeaderValues.CONTENT_TYPE_JSON).send(Json.write(body));
    }

    /** fi, sv or en from {@code ?lang=}; anything else is Finnish. */
    public static String lang(ServerRequest req) {
        String l = req.query().first("lang").orElse("fi");
        return java.util.List.of("fi", "sv", "en").contains(l) ? l : "fi";
    }
}
