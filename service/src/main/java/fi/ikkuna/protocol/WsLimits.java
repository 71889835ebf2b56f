package fi.ikkuna.protocol;

import java.time.Duration;
import java.util.List;

import io.helidon.config.Config;

/** WebSocket limits from {@code ikkuna.ws}; every limit is configuration. */
public record WsLimits(List<String> allowedOrigins, int maxTextLength, int maxFrameBytes, double ratePerSecond,
                       double rateBurst, Duration heartbeatInterval, Duration heartbeatTimeout, int sendQueueLimit) {

    public static WsLimits from(Config ws) {
        return new WsLimits(
                java.util.Arrays.stream(ws.get("allowed-origins").asString().orElse("").split(","))
                        .map(String::trim).filter(o -> !o.isEmpty()).toList(),
                ws.get("max-text-length").asInt().orElse(4000),
                ws.get("max-frame-bytes").asInt().orElse(65536),
                ws.get("rate-per-second").asDouble().orElse(5.0),
                ws.get("rate-burst").asDouble().orElse(20.0),
                Duration.ofSeconds(ws.get("heartbeat-interval-seconds").asInt().orElse(20)),
                Duration.ofSeconds(ws.get("heartbeat-timeout-seconds").asInt().orElse(60)),
                ws.get("send-queue-limit").asInt().orElse(1000));
    }
}
