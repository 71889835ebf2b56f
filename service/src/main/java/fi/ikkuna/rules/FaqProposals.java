package fi.ikkuna.rules;

import java.util.List;

import fi.ikkuna.conversation.FaqPicks;
import fi.ikkuna.persistence.Database;
import fi.ikkuna.privacy.Deidentifier;

/**
 * Proposed FAQ variants (issue 12.3), from two signals: a professional picked the FAQ entry that answers a
 * conversation's first question ({@code faq_picked}), or the resident said "did this help? → no" to the automatic
 * answer ({@code faq_not_helpful}) and nobody picked an entry yet: then the proposal names the entry that answered
 * wrongly, and the rules editor chooses the right one. A pick after a "no" is one proposal, flagged notHelpful. As with {@link Corrections}, the text leaves the
 * conversation only de-identified (docs/audit.md A5), because accepted variants are copied into rule files for good.
 */
public final class FaqProposals {
    private final Database db;
    private final Deidentifier deidentifier = Deidentifier.standard();

    public FaqProposals(Database db) {
        this.db = db;
    }

    /** One proposal: the question de-identified, the entry it should find, and whether the FAQ had answered wrong. */
    public record Proposal(String eventId, String conversationId, String language, String text, String faqId, boolean notHelpful,
                           String shownFaqId) {
    }

    /** All proposals, newest first. */
    public List<Proposal> list() {
        return db.read(em -> {
            @SuppressWarnings("unchecked") // a native query without a result class gives its rows as Object[]
            List<Object[]> rows = em.createNativeQuery("""
                    select e.id, e.conversation_id, e.detail, c.language, m.body,
                      (select count(*) from conversation_event n where n.conversation_id = e.conversation_id and n.type = 'faq_not_helpful'),
                      c.triage_json, e.type
                    from conversation_event e
                    join conversation c on c.id = e.conversation_id
                    join message m on m.conversation_id = e.conversation_id and m.author_kind = 'RESIDENT'
                     and m.seq = (select min(m2.seq) from message m2 where m2.conversation_id = e.conversation_id and m2.author_kind = 'RESIDENT')
                    where e.type = ?1 or (e.type = 'faq_not_helpful' and not exists (select 1 from conversation_event p
                      where p.conversation_id = e.conversation_id and p.type = ?1))
                    order by e.at desc""").setParameter(1, FaqPicks.EVENT).getResultList();
            return rows.stream().map(r -> {
                boolean picked = FaqPicks.EVENT.equals(String.valueOf(r[7]));
                return new Proposal(String.valueOf(r[0]), String.valueOf(r[1]), String.valueOf(r[3]),
                        deidentifier.scrub(String.valueOf(r[4]), String.valueOf(r[3])), picked ? String.valueOf(r[2]) : null,
                        ((Number) r[5]).longValue() > 0, shown(r[6]));
            }).toList();
        });
    }

    /** The entry the FAQ answered with (the first hit of the stored triage), if any. */
    private static String shown(Object triageJson) {
        if (triageJson == null) {
            return null;
        }
        com.fasterxml.jackson.databind.JsonNode first = fi.ikkuna.web.Json.parseObject(String.valueOf(triageJson)).path("faq").path(0);
        return first.path("id").isTextual() ? first.path("id").asText() : null;
    }
}
