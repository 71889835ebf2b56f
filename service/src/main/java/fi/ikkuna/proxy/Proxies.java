package fi.ikkuna.proxy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.ikkuna.conversation.Conversation;
import fi.ikkuna.conversation.ConversationEvent;
import fi.ikkuna.conversation.ConversationState;
import fi.ikkuna.identification.Identification;
import fi.ikkuna.identification.IdentityCipher;
import fi.ikkuna.identification.Refused;
import fi.ikkuna.persistence.Database;
import fi.ikkuna.persistence.Effects;
import fi.ikkuna.protocol.Connection;
import jakarta.persistence.EntityManager;

/**
 * Proxy use (docs/identification.md, "Proxy use"): the resident says they contact on behalf of someone, changes it or
 * withdraws it. Input is judged by {@link Declaration#check}, the mandate by the {@link MandateCheck}; each {@code do*}
 * is one transaction, and the frames (to both sides) and the board update go out after commit. A refusal stores
 * nothing and goes only to the connection that asked; the log names the reason, never the person.
 */
public final class Proxies {
    private static final Logger LOG = Logger.getLogger(Proxies.class.getName());
    private final ProxySettings settings;
    private final Database db;
    private final Clock clock;
    private final ZoneId zone;
    private final IdentityCipher cipher;
    private final MandateCheck mandates;

    Proxies(ProxySettings settings, Database db, Clock clock, ZoneId zone, IdentityCipher cipher, MandateCheck mandates) {
        this.settings = settings;
        this.db = db;
        this.clock = clock;
        this.zone = zone;
        this.cipher = cipher;
        this.mandates = mandates;
    }

    public static Proxies from(io.helidon.config.Config ik, Database db, Clock clock, ZoneId zone,
                               Identification identification) {
        return new Proxies(ProxySettings.from(ik.get("proxy")), db, clock, zone, identification.cipher(), new DeclaredMandate());
    }

    /** Needs the identification key: without it there is no way to keep whom a resident acts for sealed. */
    public boolean enabled() {
        return settings.enabled() && cipher != null;
    }

    /** {@code declare_proxy}: a new declaration or a change of the current one. */
    public void doDeclare(String conversationId, ObjectNode frame, Connection from) {
        try {
            checkEnabled();
            Declaration d = Declaration.check(frame, settings, LocalDate.now(clock.withZone(zone)));
            Instant now = clock.instant();
            db.tx((em, fx) -> {
                Conversation c = checkLive(em, conversationId);
                d.checkIdentified(c.identificationLevel());
                Mandate mandate = mandates.check(d.relation(), d.person(), c.identificationLevel());
                ProxyDeclaration row = em.find(ProxyDeclaration.class, conversationId);
                String event = row == null ? "proxy_declared" : "proxy_changed";
                if (row == null) {
                    row = new ProxyDeclaration(conversationId);
                    em.persist(row);
                }
                row.set(d.relation(), mandate, cipher.keyId(), seal(d.person(), conversationId), now);
                c.proxy(d.relation().wire());
                em.persist(new ConversationEvent(conversationId, now, event, null, null, null, d.relation().wire()));
                publish(fx, conversationId, ProxyFrames.declared(conversationId, d.relation().wire(), d.person(), mandate.wire()),
                        c.queueId());
                return null;
            });
        } catch (Refused e) {
            refuse(conversationId, from, e);
        }
    }

    /** {@code withdraw_proxy}: the resident no longer acts for anyone here; the withdrawal is an event. */
    public void doWithdraw(String conversationId, Connection from) {
        try {
            checkEnabled();
            db.tx((em, fx) -> {
                Conversation c = checkLive(em, conversationId);
                ProxyDeclaration row = em.find(ProxyDeclaration.class, conversationId);
                if (row == null) {
                    throw new Refused("not_declared", "nothing to withdraw");
                }
                em.remove(row);
                c.proxy(null);
                em.persist(new ConversationEvent(conversationId, clock.instant(), "proxy_withdrawn", null, null, null, row.relation()));
                publish(fx, conversationId, ProxyFrames.withdrawn(conversationId), c.queueId());
                return null;
            });
        } catch (Refused e) {
            refuse(conversationId, from, e);
        }
    }

    /** After a hello or an open: the declaration as it stands, or (to the resident) that proxy use is available. */
    public void sendCurrent(String conversationId, Connection to, boolean professional) {
        if (!enabled()) {
            return;
        }
        ObjectNode frame = db.read(em -> {
            ProxyDeclaration row = em.find(ProxyDeclaration.class, conversationId);
            if (row == null) {
                return professional ? null : ProxyFrames.available(conversationId);
            }
            return ProxyFrames.declared(conversationId, row.relation(), open(row.sealed(), conversationId), row.mandate());
        });
        if (frame != null) {
            to.send(frame);
        }
    }

    private void checkEnabled() {
        if (!enabled()) {
            throw new Refused("proxy_unavailable", "proxy use is not in use here");
        }
    }

    private static Conversation checkLive(EntityManager em, String conversationId) {
        List<Conversation> found = em.createNamedQuery("Conversation.lock", Conversation.class)
                .setParameter("id", conversationId).getResultList();
        if (found.isEmpty() || found.getFirst().state() == ConversationState.CLOSED) {
            throw new Refused("conversation_closed", "no live conversation");
        }
        return found.getFirst();
    }

    /** Bound to the conversation and to this purpose: a resident's sealed identity copied here does not open. */
    private String seal(Represented person, String conversationId) {
        return cipher.seal(person.sealable(), conversationId + "#proxy");
    }

    private Represented open(String sealed, String conversationId) {
        return Represented.unsealed(cipher.open(sealed, conversationId + "#proxy"));
    }

    private static void publish(Effects fx, String conversationId, ObjectNode frame, String queueId) {
        fx.toBoth(conversationId, frame).queueChanged(queueId); // the board shows the relation
    }

    private void refuse(String conversationId, Connection from, Refused e) {
        LOG.info("Proxy declaration refused for conversation " + conversationId + ": " + e.reason());
        from.send(ProxyFrames.refused(conversationId, e.reason()));
    }
}
