package fi.ikkuna.call;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.ikkuna.web.Json;
import io.helidon.config.Config;

/**
 * {@code ikkuna.call}: when a call may be joined, how long a dropped resident's place is kept, the largest signal
 * relayed, and the STUN/TURN servers the browsers use. Media never passes through the service; on loopback no
 * server is needed, in production a coturn (docs/appointments.md "Video call").
 */
public record CallSettings(ArrayNode iceServers, String turnSecret, Duration turnCredentialTtl, Duration joinEarly,
                           Duration joinLate, Duration seatGrace, int maxSdpChars, int maxCandidates, String residentLevel) {

    public static CallSettings from(Config call) {
        String servers = call.get("ice-servers").asString().orElse("[]").trim();
        JsonNode parsed = Json.MAPPER.createArrayNode();
        if (!servers.isEmpty()) {
            try {
                parsed = Json.MAPPER.readTree(servers);
            } catch (java.io.IOException e) {
                throw new IllegalStateException("ikkuna.call.ice-servers must be a JSON array of RTCIceServer objects", e);
            }
        }
        if (!parsed.isArray()) {
            throw new IllegalStateException("ikkuna.call.ice-servers must be a JSON array of RTCIceServer objects");
        }
        String level = call.get("resident-identification").asString().orElse("").trim();
        if (!level.isEmpty() && !level.equals("substantial") && !level.equals("high")) {
            throw new IllegalStateException("ikkuna.call.resident-identification must be empty, substantial or high");
        }
        return new CallSettings((ArrayNode) parsed, call.get("turn-secret").asString().orElse(""),
                Duration.parse(call.get("turn-credential-ttl").asString().orElse("PT2H")),
                Duration.parse(call.get("join-early").asString().orElse("PT10M")),
                Duration.parse(call.get("join-late").asString().orElse("PT30M")),
                Duration.parse(call.get("seat-grace").asString().orElse("PT2M")),
                call.get("max-sdp-chars").asInt().orElse(20000), call.get("max-candidates").asInt().orElse(50), level);
    }

    /**
     * The servers for one participant. With a {@code turn-secret} (coturn's {@code use-auth-secret}), TURN entries
     * without their own username get a short-lived credential (username "expiry:call"), so no lasting TURN password
     * is handed to browsers.
     */
    ArrayNode iceServersFor(String callId, Instant now) {
        ArrayNode out = iceServers.deepCopy();
        if (turnSecret.isEmpty()) {
            return out;
        }
        String username = now.plus(turnCredentialTtl).getEpochSecond() + ":" + callId;
        for (JsonNode s : out) {
            if (s instanceof ObjectNode o && !o.has("username") && o.path("urls").toString().contains("turn")) {
                o.put("username", username).put("credential", hmac(username));
            }
        }
        return out;
    }

    private String hmac(String username) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1"); // what coturn's TURN REST API expects
            mac.init(new SecretKeySpec(turnSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
