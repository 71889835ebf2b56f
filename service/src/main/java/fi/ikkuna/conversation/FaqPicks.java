package fi.ikkuna.conversation;

import java.time.Clock;
import java.util.function.Supplier;

import fi.ikkuna.auth.Principal;
import fi.ikkuna.persistence.Database;
import fi.ikkuna.triage.faq.FaqEntry;
import fi.ikkuna.triage.faq.FaqIndex;
import fi.ikkuna.web.ErrorCode;
import fi.ikkuna.web.ProtocolException;

/**
 * A professional's pick: "this FAQ entry answers what the resident asked". Recorded as a {@code faq_picked} event
 * (detail: the entry id) so the workbench can propose the resident's question as a variant of the entry (issue 12.3);
 * nothing reaches the resident. Only the assignee picks, an entry of the conversation's language, once per entry.
 */
public final class FaqPicks {
    public static final String EVENT = "faq_picked";

    private final Database db;
    private final Clock clock;
    private final Supplier<FaqIndex> faq;

    public FaqPicks(Database db, Clock clock, Supplier<FaqIndex> faq) {
        this.db = db;
        this.clock = clock;
        this.faq = faq;
    }

    /** Records the pick; a second pick of the same entry changes nothing. Returns whether it was new. */
    public boolean doPick(Principal p, String conversationId, String faqId) {
        return db.tx(em -> {
            Conversation c = ConversationService.lock(em, conversationId);
            checkPick(p, c, faqId);
            boolean already = !em.createQuery("select e.id from ConversationEvent e where e.conversationId = :id and e.type = :t "
                    + "and e.detail = :d", String.class).setParameter("id", c.id()).setParameter("t", EVENT)
                    .setParameter("d", faqId).getResultList().isEmpty();
            if (!already) {
                em.persist(new ConversationEvent(c.id(), clock.instant(), EVENT, c.state(), c.state(), p.id(), faqId));
            }
            return !already;
        });
    }

    private void checkPick(Principal p, Conversation c, String faqId) {
        ProfessionalActions.checkAssignee(p, c);
        FaqEntry entry = faqId == null || faqId.isBlank() ? null : faq.get().entry(faqId);
        if (entry == null) {
            throw new ProtocolException(ErrorCode.INVALID_FIELD, "No such FAQ entry", "faqId");
        }
        if (!entry.lang().equals(c.language())) {
            throw new ProtocolException(ErrorCode.INVALID_FIELD, "The entry is in another language than the conversation", "faqId");
        }
    }
}
