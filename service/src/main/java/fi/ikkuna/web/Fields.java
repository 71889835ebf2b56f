package fi.ikkuna.web;

import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The only place fields of a frame or a REST body are checked; each check names the field it rejects. */
public final class Fields {
    private Fields() {
    }

    public static String checkString(ObjectNode frame, String field, int maxLength) {
        JsonNode node = frame.get(field);
        if (node == null || node.isNull()) {
            throw new ProtocolException(ErrorCode.MISSING_FIELD, "Field '" + field + "' is required", field);
        }
        if (!node.isTextual()) {
            throw new ProtocolException(ErrorCode.INVALID_FIELD, "Field '" + field + "' must be a string", field);
        }
        String value = node.asText();
        if (value.isBlank()) {
            throw new ProtocolException(ErrorCode.INVALID_FIELD, "Field '" + field + "' must not be empty", field);
        }
        if (value.codePointCount(0, value.length()) > maxLength) {
            ErrorCode code = "text".equals(field) ? ErrorCode.TEXT_TOO_LONG : ErrorCode.INVALID_FIELD;
            throw new ProtocolException(code, "Field '" + field + "' is longer than " + maxLength + " characters", field);
        }
        return value;
    }

    public static String checkOptionalString(ObjectNode frame, String field, int maxLength) {
        JsonNode node = frame.get(field);
        return node == null || node.isNull() ? null : checkString(frame, field, maxLength);
    }

    /** Client message ids are opaque tokens; the charset limit keeps them safe to log and index. */
    public static String checkClientMsgId(ObjectNode frame) {
        String id = checkString(frame, "clientMsgId", 64);
        if (!id.matches("[A-Za-z0-9._:-]{1,64}")) {
            throw new ProtocolException(ErrorCode.INVALID_FIELD, "clientMsgId may contain only A-Z a-z 0-9 . _ : -", "clientMsgId");
        }
        return id;
    }

    public static long checkLong(ObjectNode frame, String field, long min, long max, long fallback) {
        JsonNode node = frame.get(field);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.canConvertToLong() || !node.isIntegralNumber() || node.asLong() < min || node.asLong() > max) {
            throw new ProtocolException(ErrorCode.INVALID_FIELD, "Field '" + field + "' must be an integer in " + min + ".." + max, field);
        }
        return node.asLong();
    }

    public static String checkOneOf(ObjectNode frame, String field, Set<String> allowed, String fallback) {
        JsonNode node = frame.get(field);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isTextual() || !allowed.contains(node.asText())) {
            throw new ProtocolException(ErrorCode.INVALID_FIELD, "Field '" + field + "' must be one of " + allowed, field);
        }
        return node.asText();
    }

    public static boolean checkBoolean(ObjectNode frame, String field) {
        JsonNode node = frame.get(field);
        if (node == null || node.isNull()) {
            throw new ProtocolException(ErrorCode.MISSING_FIELD, "Field '" + field + "' is required", field);
        }
        if (!node.isBoolean()) {
            throw new ProtocolException(ErrorCode.INVALID_FIELD, "Field '" + field + "' must be true or false", field);
        }
        return node.asBoolean();
    }
}
