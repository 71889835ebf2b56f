package fi.ikkuna.cluster;

import java.time.Duration;
import java.util.UUID;

import io.helidon.config.Config;

/**
 * {@code ikkuna.cluster}: an empty {@code nats-url} (the default) is the single embedded node, with no broker and no
 * NATS connection; set ({@code IKKUNA_NATS_URL}), this node is one of several on one shared MariaDB. docs/cluster.md.
 */
public record ClusterSettings(String natsUrl, String nodeId, Duration lease, Duration rulesPoll, Duration connectTimeout) {

    public static ClusterSettings from(Config cluster) {
        String node = cluster.get("node-id").asString().orElse("");
        return new ClusterSettings(cluster.get("nats-url").asString().orElse("").trim(),
                node.isBlank() ? defaultNodeId() : node,
                Duration.ofMillis(cluster.get("lease-ms").asLong().orElse(30_000L)),
                Duration.ofMillis(cluster.get("rules-poll-ms").asLong().orElse(3_000L)),
                Duration.ofMillis(cluster.get("connect-timeout-ms").asLong().orElse(2_000L)));
    }

    public boolean clustered() {
        return !natsUrl.isBlank();
    }

    /** Unique per process: a node restarted on the same host must not inherit the leases of the one that died. */
    private static String defaultNodeId() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "node";
        }
        return host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
