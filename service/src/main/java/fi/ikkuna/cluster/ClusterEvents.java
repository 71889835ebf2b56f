package fi.ikkuna.cluster;

import java.util.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.ikkuna.persistence.EventSink;
import fi.ikkuna.web.Json;

/**
 * The cluster's {@link EventSink}: every committed effect goes to this node's connections at once and, over NATS, to
 * every other node, which hands it to its own local sink. So a resident on node A and a professional on node B see
 * each other live, and each node recomputes its own boards. NATS is only the carrier: the database stays the truth,
 * so an effect lost while NATS is away costs liveness, never data (clients resume from the database on reconnect).
 */
public final class ClusterEvents implements EventSink {
    private static final Logger LOG = Logger.getLogger(ClusterEvents.class.getName());

    private final EventSink local;
    private final Cluster cluster;
    private final String node;
    private final String subject;

    /** {@code subject}: one per cluster (ikkuna.cluster.subject), so two clusters on one NATS never mix. */
    ClusterEvents(EventSink local, Cluster cluster, String subject) {
        this.local = local;
        this.cluster = cluster;
        this.node = cluster.settings().nodeId();
        this.subject = subject;
        cluster.onNotice(subject, this::receive);
    }

    @Override
    public void toResidents(String conversationId, Object frame) {
        local.toResidents(conversationId, frame);
        publish("residents", conversationId, null, frame);
    }

    @Override
    public void toProfessionals(String conversationId, Object frame) {
        local.toProfessionals(conversationId, frame);
        publish("professionals", conversationId, null, frame);
    }

    @Override
    public void revokeOutside(String conversationId, String queueId) {
        local.revokeOutside(conversationId, queueId);
        publish("revoke", conversationId, queueId, null);
    }

    @Override
    public void queueChanged(String queueId) {
        local.queueChanged(queueId);
        publish("queue", null, queueId, null);
    }

    private void publish(String kind, String conversationId, String queueId, Object frame) {
        ObjectNode m = Json.object().put("node", node).put("kind", kind).put("conversationId", conversationId).put("queueId", queueId);
        if (frame != null) {
            m.set("frame", Json.MAPPER.valueToTree(frame));
        }
        try {
            cluster.notify(subject, Json.write(m));
        } catch (RuntimeException e) {
            // Committed already: other nodes' clients catch up when they resume; this node's were served above.
            LOG.warning("cluster event " + kind + " not sent to other nodes: " + e);
        }
    }

    private void receive(String text) {
        JsonNode m;
        try {
            m = Json.MAPPER.readTree(text);
        } catch (java.io.IOException e) {
            LOG.warning("unreadable cluster event dropped: " + e);
            return;
        }
        if (node.equals(m.path("node").asText())) {
            return;
        }
        String conversation = m.path("conversationId").asText(null);
        String queue = m.path("queueId").asText(null);
        switch (m.path("kind").asText()) {
            case "residents" -> local.toResidents(conversation, m.get("frame"));
            case "professionals" -> local.toProfessionals(conversation, m.get("frame"));
            case "revoke" -> local.revokeOutside(conversation, queue);
            case "queue" -> local.queueChanged(queue);
            default -> LOG.warning("unknown cluster event kind " + m.path("kind").asText());
        }
    }
}
