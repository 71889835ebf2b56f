package fi.ikkuna.identification;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import fi.ikkuna.audit.AccessLogEntry;
import fi.ikkuna.auth.Principal;
import fi.ikkuna.conversation.Conversation;
import fi.ikkuna.conversation.ConversationEvent;
import fi.ikkuna.conversation.ConversationState;
import fi.ikkuna.persistence.Database;
import fi.ikkuna.protocol.Connection;
import fi.ikkuna.web.ErrorCode;
import fi.ikkuna.web.ProtocolException;
import jakarta.persistence.EntityManager;

/**
 * Strong identification in a conversation (docs/identification.md): a professional asks for it, the resident starts it,
 * the popup opens it, {@link Completion} finishes it. Every {@code do*} is one transaction; frames go out after commit.
 */
public final class Identification {
    final IdentificationSettings settings;
    final Database db;
    final Clock clock;
    final IdentityCipher cipher;
    final OidcClient oidc;

    public Identification(IdentificationSettings settings, Database db, Clock clock) {
        this.settings = settings;
        this.db = db;
        this.clock = clock;
        this.cipher = settings.enabled() ? new IdentityCipher(settings.key()) : null;
        this.oidc = settings.enabled() ? new OidcClient(settings.oidc()) : null;
    }

    public static Identification from(io.helidon.config.Config ik, Database db, Clock clock) {
        return new Identification(IdentificationSettings.from(ik.get("identification")), db, clock);
    }

    public boolean enabled() {
        return settings.enabled();
    }

    /** The key that seals identities, for what else must be sealed the same way (proxy use); null when not in use. */
    public IdentityCipher cipher() {
        return cipher;
    }

    /** The resident pressed "Identify": a one-time ticket for the popup, sent only to the connection that asked. */
    public ObjectNode doStart(String conversationId, String requestedLevel, String lang) {
        checkEnabled();
        String level = requestedLevel == null ? settings.defaultLevel() : checkLevel(requestedLevel);
        String ticket = IdentityCipher.random();
        Instant now = clock.instant();
        String language = db.tx(em -> {
            Conversation c = lockLive(em, conversationId);
            long recent = em.createQuery("select count(r) from IdentificationRequest r where r.conversationId = :c and r.createdAt > :since",
                    Long.class).setParameter("c", c.id()).setParameter("since", now.minus(settings.requestTtl())).getSingleResult();
            if (recent >= settings.attemptsPerConversation()) {
                throw new ProtocolException(ErrorCode.RATE_LIMITED, "Too many identification attempts; try again later");
            }
            String l = lang == null ? c.language() : lang;
            em.persist(new IdentificationRequest(UUID.randomUUID().toString(), c.id(), level, l,
                    IdentityCipher.sha256Hex(ticket), now, now.plus(settings.requestTtl())));
            return l;
        });
        return IdentificationFrames.started(conversationId, level, "/identification/start?lang=" + language + "&ticket=" + ticket);
    }

    /** Where the popup goes next, and the browser binding it must bring back (a cookie). */
    public record Opened(java.net.URI authorization, String binding) {
    }

    /** The popup opened its ticket: spent at once; the attempt gets its state, nonce and PKCE verifier now. */
    public Opened doOpen(String ticket, String redirectUri) {
        checkEnabled();
        String state = IdentityCipher.random();
        String nonce = IdentityCipher.random();
        String binding = IdentityCipher.random();
        String verifier = new CodeVerifier().getValue();
        Instant now = clock.instant();
        IdentificationRequest r = db.tx(em -> {
            IdentificationRequest found = em.createQuery("select r from IdentificationRequest r where r.ticketHash = :t",
                    IdentificationRequest.class).setParameter("t", IdentityCipher.sha256Hex(ticket == null ? "" : ticket))
                    .setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst().orElse(null);
            if (found == null || found.openedAt() != null || found.createdAt().plus(settings.ticketTtl()).isBefore(now)) {
                throw new Refused("ticket_expired", "unknown, spent or old ticket");
            }
            found.opened(IdentityCipher.sha256Hex(state), IdentityCipher.sha256Hex(binding), nonce,
                    cipher.seal(verifier, found.id()), now);
            return found;
        });
        return new Opened(oidc.authorizationUri(redirectUri, state, nonce, verifier, settings.acceptedAcr(r.level()), r.lang()),
                binding);
    }

    /** A professional who has the conversation asks the resident to identify; the widget shows the request. */
    public void doRequest(Principal p, String conversationId, String requestedLevel) {
        checkEnabled();
        String level = requestedLevel == null ? settings.defaultLevel() : checkLevel(requestedLevel);
        db.tx((em, fx) -> {
            Conversation c = lockLive(em, conversationId);
            checkVisible(p, c);
            fi.ikkuna.conversation.ProfessionalActions.checkAssignee(p, c);
            em.persist(new ConversationEvent(c.id(), clock.instant(), "identification_requested", null, null, p.id(), level));
            fx.toBoth(conversationId, IdentificationFrames.requested(conversationId, level, p.displayName(), p.title()));
            return null;
        });
    }

    /**
     * After a hello or an open: the identification as it stands, the professional's request still open, or (to the
     * resident) just that identification is available.
     */
    public void sendCurrent(String conversationId, Connection to, boolean professional) {
        if (!enabled()) {
            return;
        }
        ObjectNode frame = db.read(em -> {
            ResidentIdentity id = em.find(ResidentIdentity.class, conversationId);
            if (id != null) {
                Person person = Person.unsealed(cipher.open(id.sealed(), conversationId));
                return professional ? IdentificationFrames.toProfessional(conversationId, id.level(), person)
                        : IdentificationFrames.toResident(conversationId, id.level(), person);
            }
            List<Object[]> asked = em.createQuery("select e.detail, e.actorId from ConversationEvent e where e.conversationId = :c "
                    + "and e.type = 'identification_requested' order by e.at desc", Object[].class).setParameter("c", conversationId)
                    .setMaxResults(1).getResultList();
            if (asked.isEmpty()) {
                // Tells the widget that identification is in use here, so it offers the button.
                return professional ? null : IdentificationFrames.base(conversationId, "available", null);
            }
            fi.ikkuna.auth.Professional by = em.find(fi.ikkuna.auth.Professional.class, (String) asked.getFirst()[1]);
            return IdentificationFrames.requested(conversationId, (String) asked.getFirst()[0],
                    by == null ? null : by.displayName(), by == null ? null : by.title());
        });
        if (frame != null) {
            to.send(frame);
        }
    }

    /** The full national identification number, for a professional who has the conversation open; logged. */
    public ObjectNode accessIdentity(Principal p, String conversationId, boolean opened) {
        checkEnabled();
        return db.tx(em -> {
            Conversation c = em.find(Conversation.class, conversationId);
            if (c == null || !opened) {
                throw new ProtocolException(ErrorCode.NOT_FOUND, "Open the conversation first");
            }
            checkVisible(p, c);
            ResidentIdentity id = em.find(ResidentIdentity.class, conversationId);
            if (id == null) {
                throw new ProtocolException(ErrorCode.NOT_FOUND, "The resident has not identified");
            }
            em.persist(new AccessLogEntry(p.id(), c.id(), "identity", "care", clock.instant()));
            return IdentificationFrames.revealed(conversationId, id.level(), Person.unsealed(cipher.open(id.sealed(), conversationId)));
        });
    }

    /** A new contact from a strongly identified tab (its resume token) becomes that person's too; see {@link CarriedIdentity}. */
    public CarriedIdentity checkCarried(String resumeToken) {
        return CarriedIdentity.check(this, resumeToken);
    }

    void checkEnabled() {
        if (!enabled()) {
            throw new ProtocolException(ErrorCode.IDENTIFICATION_DISABLED, "Strong identification is not in use here");
        }
    }

    private static String checkLevel(String level) {
        if (!IdentificationSettings.LEVELS.contains(level)) {
            throw new ProtocolException(ErrorCode.INVALID_FIELD, "Field 'level' must be one of " + IdentificationSettings.LEVELS, "level");
        }
        return level;
    }

    static Conversation lockLive(EntityManager em, String conversationId) {
        // The conversation package's named lock query: one row lock orders this with every other change to it.
        List<Conversation> found = em.createNamedQuery("Conversation.lock", Conversation.class)
                .setParameter("id", conversationId).getResultList();
        if (found.isEmpty()) {
            throw new ProtocolException(ErrorCode.NOT_FOUND, "No such conversation");
        }
        if (found.getFirst().state() == ConversationState.CLOSED) {
            throw new ProtocolException(ErrorCode.CONVERSATION_CLOSED, "The conversation has ended");
        }
        return found.getFirst();
    }

    /** As for every professional action: another queue's conversation is indistinguishable from a missing one. */
    private static void checkVisible(Principal p, Conversation c) {
        if (!p.id().equals(c.assigneeId()) && (c.queueId() == null || !p.queues().contains(c.queueId()))) {
            throw new ProtocolException(ErrorCode.NOT_FOUND, "No such conversation");
        }
    }
}
