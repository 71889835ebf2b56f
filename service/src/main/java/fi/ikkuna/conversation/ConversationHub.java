package fi.ikkuna.conversation;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import fi.ikkuna.protocol.Connection;

/**
 * Who is connected to which conversation on this node. Frames are pushed here only after their
 * transaction committed; a client that misses one gets it again by resuming from its last sequence number.
 */
public final class ConversationHub {
    private final Map<String, Set<Connection>> residents = new ConcurrentHashMap<>();
    private final Map<String, Set<Connection>> professionals = new ConcurrentHashMap<>();

    public void joinResident(String conversationId, Connection c) {
        residents.computeIfAbsent(conversationId, k -> ConcurrentHashMap.newKeySet()).add(c);
    }

    public void joinProfessional(String conversationId, Connection c) {
        professionals.computeIfAbsent(conversationId, k -> ConcurrentHashMap.newKeySet()).add(c);
    }

    public void leave(String conversationId, Connection c) {
        remove(residents, conversationId, c);
        remove(professionals, conversationId, c);
    }

    /** Delivers a committed message: internal notes only to professionals. */
    public void publish(MessageView m) {
        Object frame = m.toFrame();
        if (!m.internal()) {
            toResidents(m.conversationId(), frame);
        }
        toProfessionals(m.conversationId(), frame);
    }

    public void toResidents(String conversationId, Object frame) {
        send(residents.get(conversationId), frame);
    }

    public void toProfessionals(String conversationId, Object frame) {
        send(professionals.get(conversationId), frame);
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
