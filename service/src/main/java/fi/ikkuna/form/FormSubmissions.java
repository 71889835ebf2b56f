package fi.ikkuna.form;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fi.ikkuna.conversation.ConversationService;
import fi.ikkuna.conversation.ConversationView;
import fi.ikkuna.conversation.MessageView;
import fi.ikkuna.conversation.QueueQueries;
import fi.ikkuna.conversation.ResumeTokens;
import fi.ikkuna.persistence.Database;
import fi.ikkuna.persistence.Duplicate;
import fi.ikkuna.triage.Channel;
import fi.ikkuna.triage.TriageOutcome;
import fi.ikkuna.web.ErrorCode;
import fi.ikkuna.web.ProtocolException;

/**
 * Form submissions: a valid one becomes a conversation through the same pipeline as a chat (Channel.FORM with the
 * form type), and the resident gets an unguessable reply token; only its SHA-256 is stored.
 */
public final class FormSubmissions {
    private final Database db;
    private final ConversationService conversations;
    private final Clock clock;
    private final ZoneId zone;

    public FormSubmissions(Database db, ConversationService conversations, Clock clock, ZoneId zone) {
        this.db = db;
        this.conversations = conversations;
        this.clock = clock;
        this.zone = zone;
    }

    /** What the resident learns at once: the reply token (shown only here), the reference and the triage. */
    public record Submitted(String replyToken, String reference, ConversationView conversation, TriageOutcome triage,
                            List<MessageView> replies) {
    }

    /** What the resident sees through the reply link. */
    public record Reply(FormSubmission submission, ConversationView conversation, List<MessageView> messages) {
    }

    /** An instant as the API shows times: ISO 8601 with the county's offset. */
    public String time(java.time.Instant t) {
        return t == null ? null : t.atZone(zone).toOffsetDateTime().toString();
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /**
     * Stores a checked submission and its conversation in one transaction; sent from a strongly identified tab
     * ({@code carried}, else null) the new conversation is identified as that person too.
     */
    public Submitted doSubmit(FormDefinition form, FormValidator.Valid valid, fi.ikkuna.identification.CarriedIdentity carried) {
        String text = render(form, valid);
        for (int attempt = 1; ; attempt++) {
            String token = ResumeTokens.newToken();
            String reference = Codes.newCode();
            try {
                ConversationService.Contacted<Void> c = conversations.doStartContact(Channel.FORM, valid.language(), text, null,
                        form.formType(), (em, conversation, triage) -> {
                            em.persist(new FormSubmission(UUID.randomUUID().toString(), form.id(), form.formType(),
                                    conversation.id(), reference, ResumeTokens.hash(token), valid.language(), clock.instant()));
                            if (carried != null) {
                                carried.onto(em, conversation);
                            }
                            return null;
                        });
                return new Submitted(token, reference, c.conversation(), c.triage(), c.replies());
            } catch (RuntimeException e) {
                // Only a repeated reference code can collide; a fresh one practically never does twice.
                if (!Duplicate.is(e) || attempt == 3) {
                    throw e;
                }
            }
        }
    }

    public Reply reply(String token) {
        String hash = ResumeTokens.hash(token);
        return db.read(em -> {
            FormSubmission s = em.createQuery("select s from FormSubmission s where s.replyTokenHash = :h", FormSubmission.class)
                    .setParameter("h", hash).getResultStream().findFirst()
                    .orElseThrow(() -> new ProtocolException(ErrorCode.NOT_FOUND, "No submission with this link"));
            ConversationView v = QueueQueries.view(em, s.conversationId());
            return new Reply(s, v, conversations.messagesAfter(v.id(), 0, false));
        });
    }

    /** Valid submissions per form and form-channel conversations, for staff (and to prove an invalid one stores nothing). */
    public record Counts(Map<String, Long> submissions, long conversations) {
    }

    public Counts counts() {
        return db.read(em -> {
            Map<String, Long> out = new java.util.TreeMap<>();
            em.createQuery("select s.formId, count(s) from FormSubmission s group by s.formId", Object[].class)
                    .getResultList().forEach(r -> out.put((String) r[0], ((Number) r[1]).longValue()));
            long conversations = em.createQuery("select count(c) from Conversation c where c.channel = :ch", Long.class)
                    .setParameter("ch", Channel.FORM).getSingleResult();
            return new Counts(out, conversations);
        });
    }

    /** The submission as the professional reads it: one "label: value" line per answered field, in the resident's language. */
    static String render(FormDefinition form, FormValidator.Valid valid) {
        String lang = valid.language();
        List<String> lines = new ArrayList<>();
        lines.add(form.title().in(lang));
        for (FieldDefinition f : form.fields()) {
            Object v = valid.values().get(f.name());
            if (v == null) {
                continue;
            }
            String shown = switch (f.type()) {
                case CHOICE -> f.choice((String) v).label().in(lang);
                case CONSENT -> switch (lang) {
                    case "sv" -> "ja";
                    case "en" -> "yes";
                    default -> "kyllä";
                };
                default -> v.toString();
            };
            lines.add(f.label().in(lang) + ": " + shown);
        }
        return String.join("\n", lines);
    }
}
