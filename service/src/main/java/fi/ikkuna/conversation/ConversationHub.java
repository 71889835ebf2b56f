package fi.ikkuna.conversation;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import fi.ikkuna.protocol.Connection;

/**
 * Who is connected to which conversation on this node. A {@code do*}'s frames arrive here through {@link LocalEvents}
 * only after their transaction committed; a client that misses one gets it again by resuming from its last sequence
 * number. Typing and receipts, which change nothing stored, come straight from the sockets.
 */
public final class ConversationHub {
    private final Map<String, Set<Connection>> residents = new ConcurrentHashMap<>();
    /** conversation → professional connection → the queues that professional serves (what they may see) */
    private final Map<String, Map<Connection, Set<String>>> professionals = new ConcurrentHashMap<>();

    public void joinResident(String conversationId, Connection c) {
        residents.computeIfAbsent(conversationId, k -> ConcurrentHashMap.newKeySet()).add(c);
    }

    /** A professional who opened the conversation; {@code queues} are theirs, to revoke them if it moves away. */
    public void joinProfessional(String conversationId, Connection c, Set<String> queues) {
        professionals.computeIfAbsent(conversationId, k -> new ConcurrentHashMap<>()).put(c, Set.copyOf(queues));
    }

    public void leave(String conversationId, Connection c) {
        remove(residents, conversationId, c);
        professionals.computeIfPresent(conversationId, (k, map) -> {
            map.remove(c);
            return map.isEmpty() ? null : map;
        });
    }

    /** Whether this professional connection still receives the conversation (typing and receipts need it). */
    public boolean watching(String conversationId, Connection c) {
        Map<Connection, Set<String>> map = professionals.get(conversationId);
        return map != null && map.containsKey(c);
    }

    /**
     * After the conversation moved to {@code queue}: professionals who do not serve that queue stop receiving it
     * (told with a {@code revoked} frame), so nothing of it reaches anyone not allowed to read it now.
     */
    public void revokeOutside(String conversationId, String queue) {
        Map<Connection, Set<String>> map = professionals.get(conversationId);
        if (map == null) {
            return;
        }
        // Out of the map first, told afterwards: a console that has read "revoked" may be sure no later frame of the
        // conversation reaches it (ClaimContract Q4 saw one slip through when the frame went out before the removal).
        java.util.List<Connection> revoked = new java.util.ArrayList<>();
        map.entrySet().removeIf(e -> {
            if (e.getValue().contains(queue)) {
                return false;
            }
            revoked.add(e.getKey());
            return true;
        });
        revoked.forEach(c -> c.send(fi.ikkuna.web.Json.object().put("type", "revoked").put("conversationId", conversationId)));
    }

    public void toResidents(String conversationId, Object frame) {
        send(residents.get(conversationId), frame);
    }

    public void toProfessionals(String conversationId, Object frame) {
        Map<Connection, Set<String>> map = professionals.get(conversationId);
        if (map != null) {
            map.keySet().forEach(c -> c.send(frame));
        }
    }

    public boolean residentOnline(String conversationId) {
        Set<Connection> set = residents.get(conversationId);
        return set != null && !set.isEmpty();
    }

    private static void send(Set<Connection> targets, Object frame) {
        if (targets != null) {
            targets.forEach(c -> c.send(frame));
        }
    }

    private static void remove(Map<String, Set<Connection>> map, String id, Connection c) {
        map.computeIfPresent(id, (k, set) -> {
            set.remove(c);
            return set.isEmpty() ? null : set;
        });
    }
}
