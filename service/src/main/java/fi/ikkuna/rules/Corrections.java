package fi.ikkuna.rules;

import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;

import fi.ikkuna.persistence.Database;
import fi.ikkuna.privacy.Deidentifier;
import fi.ikkuna.triage.Channel;
import fi.ikkuna.triage.Contact;

/**
 * Triage corrections: every transfer a professional made with a reason, and every "not an emergency" an assignee
 * set. Each becomes a candidate case: a transfer expects the service of the queue it was moved to, an urgency
 * correction the urgency she chose.
 *
 * <p>Rules editors read corrections without an access-log row, and accepted ones are copied into rule files,
 * published versions and exports for good, so the resident's text and the reason leave here only de-identified
 * (docs/audit.md A5). The original stays in the conversation, which {@code conversationId} names: reading it is an
 * access (opening the conversation, with a purpose once it has ended).
 */
public final class Corrections {
    private final Database db;
    private final ZoneId zone;
    private final Deidentifier deidentifier;

    public Corrections(Database db, ZoneId zone) {
        this.db = db;
        this.zone = zone;
        this.deidentifier = Deidentifier.standard();
    }

    /** One correction: the contact as first written and why it was moved, both de-identified; where it went. */
    public record Correction(String eventId, String conversationId, Contact contact, String fromQueue, String toQueue,
                             String expectService, String expectUrgency, String reason) {
    }

    /** All corrections, newest first; {@code serviceOf} maps a queue id to its service area. */
    public List<Correction> list(Function<String, String> serviceOf) {
        return db.read(em -> {
            @SuppressWarnings("unchecked") // a native query without a result class gives its rows as Object[]
            List<Object[]> rows = em.createNativeQuery("""
                    select e.id, e.conversation_id, e.detail, c.language, c.channel, m.body, e.at, e.type
                    from conversation_event e
                    join conversation c on c.id = e.conversation_id
                    join message m on m.conversation_id = e.conversation_id and m.author_kind = 'RESIDENT'
                     and m.seq = (select min(m2.seq) from message m2 where m2.conversation_id = e.conversation_id and m2.author_kind = 'RESIDENT')
                    where e.type in ('transferred', 'urgency_corrected')
                    order by e.at desc""").getResultList();
            return rows.stream().map(r -> toCorrection(r, serviceOf)).filter(java.util.Objects::nonNull).toList();
        });
    }

    private Correction toCorrection(Object[] r, Function<String, String> serviceOf) {
        String detail = String.valueOf(r[2]);
        int arrow = detail.indexOf(" -> ");
        int colon = detail.indexOf(": ", Math.max(arrow, 0));
        if (arrow < 0 || colon < 0) {
            return null;
        }
        String from = detail.substring(0, arrow);
        String to = detail.substring(arrow + 4, colon);
        java.time.Instant at = r[6] instanceof java.sql.Timestamp ts ? ts.toInstant()
                : r[6] instanceof java.time.LocalDateTime ldt ? ldt.atZone(java.time.ZoneId.systemDefault()).toInstant() : java.time.Instant.now();
        String language = String.valueOf(r[3]);
        Contact contact = new Contact(deidentifier.scrub(String.valueOf(r[5]), language), language, Channel.valueOf(String.valueOf(r[4])),
                null, null, at.atZone(zone));
        // Professionals write reasons in the console's language, usually Finnish, whatever the resident wrote in.
        String reason = deidentifier.scrub(detail.substring(colon + 2), "fi");
        if ("urgency_corrected".equals(String.valueOf(r[7]))) {
            return new Correction(String.valueOf(r[0]), String.valueOf(r[1]), contact, from, to, null, to, reason);
        }
        return new Correction(String.valueOf(r[0]), String.valueOf(r[1]), contact, from, to, serviceOf.apply(to), null, reason);
    }
}
