package fi.ikkuna.retention;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import fi.ikkuna.conversation.AuthorKind;
import fi.ikkuna.conversation.Message;
import fi.ikkuna.persistence.Database;

/**
 * The personal data that hangs off a seeded conversation, written the way the service stores it: messages, a sealed
 * identity with its person key, an identification attempt, a form submission, an appointment request with a booking,
 * access-log rows. Native inserts where the entity's constructor belongs to its own package.
 */
final class RetentionData {
    private final Database db;

    RetentionData(Database db) {
        this.db = db;
    }

    void messages(String conversationId, Instant at, String... bodies) {
        db.tx(em -> {
            long seq = 1 + ((Number) em.createNativeQuery("select coalesce(max(seq), 0) from message where conversation_id = ?1")
                    .setParameter(1, conversationId).getSingleResult()).longValue();
            for (String b : bodies) {
                em.persist(new Message(conversationId, seq++, AuthorKind.RESIDENT, null, null, UUID.randomUUID().toString(), false, b, at));
            }
            em.createNativeQuery("update conversation set last_seq = ?1, rating_comment = ?2 where id = ?3")
                    .setParameter(1, seq - 1).setParameter(2, "Hoitaja Liisa oli ystävällinen").setParameter(3, conversationId)
                    .executeUpdate();
            return null;
        });
    }

    void identity(String conversationId, Instant at) {
        db.tx(em -> {
            em.createNativeQuery("insert into resident_identity (conversation_id, level, person_key, key_id, sealed, identified_at) "
                            + "values (?1, 'substantial', ?2, 'k1k1k1k1', 'sealed-identity', ?3)")
                    .setParameter(1, conversationId).setParameter(2, "a".repeat(64)).setParameter(3, at).executeUpdate();
            em.createNativeQuery("insert into identification_request (id, conversation_id, level, lang, ticket_hash, created_at, expires_at) "
                            + "values (?1, ?2, 'substantial', 'fi', ?3, ?4, ?4)")
                    .setParameter(1, UUID.randomUUID().toString()).setParameter(2, conversationId)
                    .setParameter(3, UUID.randomUUID().toString().replace("-", "")).setParameter(4, at).executeUpdate();
            // whom the resident represents is an identity too (V92, docs/identification.md "Proxy use")
            em.createNativeQuery("insert into proxy_declaration (conversation_id, relation, mandate, key_id, sealed, declared_at) "
                            + "values (?1, 'child', 'declared', 'k1k1k1k1', 'sealed-represented', ?2)")
                    .setParameter(1, conversationId).setParameter(2, at).executeUpdate();
            em.createNativeQuery("update conversation set identification_level = 'substantial' where id = ?1")
                    .setParameter(1, conversationId).executeUpdate();
            return null;
        });
    }

    void formSubmission(String conversationId, Instant at) {
        db.tx(em -> em.createNativeQuery("insert into form_submission (id, form_id, form_type, conversation_id, reference, "
                        + "reply_token_hash, language, created_at) values (?1, 'feedback', 'feedback', ?2, ?3, ?4, 'fi', ?5)")
                .setParameter(1, UUID.randomUUID().toString()).setParameter(2, conversationId)
                .setParameter(3, UUID.randomUUID().toString().substring(0, 8)).setParameter(4, "b".repeat(48) + conversationId.substring(0, 16))
                .setParameter(5, at).executeUpdate());
    }

    void booking(String conversationId, String professionalId, Instant at) {
        String request = UUID.randomUUID().toString();
        String slot = UUID.randomUUID().toString();
        db.tx(em -> {
            em.createNativeQuery("insert into appointment_request (id, conversation_id, queue_id, appointment_type, deadline_at_risk, "
                    + "created_at) values (?1, ?2, 'health', 'PHONE', false, ?3)").setParameter(1, request).setParameter(2, conversationId)
                    .setParameter(3, at).executeUpdate();
            em.createNativeQuery("insert into appointment_slot (id, queue_id, professional_id, appointment_type, start_at, end_at, "
                    + "cancelled, touched_at) values (?1, 'health', ?2, 'PHONE', ?3, ?4, false, ?3)").setParameter(1, slot)
                    .setParameter(2, professionalId).setParameter(3, at).setParameter(4, at.plusSeconds(1200)).executeUpdate();
            em.createNativeQuery("insert into appointment_booking (id, request_id, slot_id, active_slot_id, active_request_id, code, "
                    + "token_hash, phone, created_at) values (?1, ?2, ?3, ?3, ?2, ?4, ?5, '040 123 4567', ?6)")
                    .setParameter(1, UUID.randomUUID().toString()).setParameter(2, request).setParameter(3, slot)
                    .setParameter(4, UUID.randomUUID().toString().substring(0, 8)).setParameter(5, "c".repeat(28) + request)
                    .setParameter(6, at).executeUpdate();
            return null;
        });
    }

    void accessLog(String conversationId, String professionalId, Instant at) {
        db.tx(em -> {
            em.persist(new fi.ikkuna.audit.AccessLogEntry(professionalId, conversationId, "open", "care", at));
            return null;
        });
    }

    long count(String sql, String conversationId) {
        return db.read(em -> ((Number) em.createNativeQuery(sql).setParameter(1, conversationId).getSingleResult()).longValue());
    }

    @SuppressWarnings("unchecked")
    List<Object> column(String sql, String conversationId) {
        return db.read(em -> (List<Object>) em.createNativeQuery(sql).setParameter(1, conversationId).getResultList());
    }

    Object one(String sql, String conversationId) {
        List<Object> l = column(sql, conversationId);
        return l.isEmpty() ? null : l.get(0);
    }
}
