package fi.ikkuna.identification;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Instant;
import java.util.logging.Logger;

import com.nimbusds.jwt.JWTClaimsSet;
import fi.ikkuna.conversation.Conversation;
import fi.ikkuna.conversation.ConversationEvent;

/**
 * The provider's redirect back: the attempt is spent first (a replayed state or code finds it used), then the code is
 * exchanged and the ID token checked ({@link OidcClient}), then the level and the claims are judged, and only then is
 * anything stored — the sealed identity and the conversation's level in one transaction. Any refusal stores nothing
 * and tells both sides why; the log names the reason, never the person.
 */
public final class Completion {
    private static final Logger LOG = Logger.getLogger(Completion.class.getName());
    private final Identification id;

    public Completion(Identification identification) {
        this.id = identification;
    }

    /** What the resident's popup shows: the conversation's language and either success or the reason it failed. */
    public record Outcome(String lang, String reason) {
        public boolean ok() {
            return reason == null;
        }
    }

    public Outcome doComplete(String state, String code, String providerError, String binding, String redirectUri) {
        id.checkEnabled();
        Spent spent = spend(state);
        if (spent == null) {
            LOG.info("Identification refused: unknown state");
            return new Outcome(null, "unknown_state");
        }
        IdentificationRequest r = spent.request();
        try {
            String early = spent.replayed() ? "replayed" : judgeRequest(r, code, providerError, binding);
            if (early != null) {
                throw new Refused(early, "before the token");
            }
            JWTClaimsSet claims = id.oidc.redeem(code, id.cipher.open(r.verifierSealed(), r.id()), redirectUri, r.nonce());
            String level = checkLevel(claims, r.level());
            Person person = checkPerson(claims);
            try {
                store(r, level, person);
            } catch (fi.ikkuna.web.ProtocolException e) {
                throw new Refused(e.code().wire(), e.getMessage()); // e.g. the conversation ended meanwhile
            }
            return new Outcome(r.lang(), null);
        } catch (Refused e) {
            LOG.info("Identification refused for conversation " + r.conversationId() + ": " + e.getMessage());
            Object frame = IdentificationFrames.failed(r.conversationId(), r.level(), e.reason());
            // Nothing was stored, so there is no transaction to wait for; the same sink still carries it to every node.
            id.db.events().toResidents(r.conversationId(), frame);
            id.db.events().toProfessionals(r.conversationId(), frame);
            return new Outcome(r.lang(), e.reason());
        }
    }

    private record Spent(IdentificationRequest request, boolean replayed) {
    }

    /** Marks the attempt used in its own transaction, so it can never complete twice, whatever happens next. */
    private Spent spend(String state) {
        if (state == null || state.isBlank()) {
            return null;
        }
        Instant now = id.clock.instant();
        return id.db.tx(em -> {
            IdentificationRequest r = em.createQuery("select r from IdentificationRequest r where r.stateHash = :s",
                    IdentificationRequest.class).setParameter("s", IdentityCipher.sha256Hex(state))
                    .setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst().orElse(null);
            if (r == null) {
                return null;
            }
            boolean replayed = r.usedAt() != null;
            if (!replayed) {
                r.used(now);
            }
            return new Spent(r, replayed);
        });
    }

    private String judgeRequest(IdentificationRequest r, String code, String providerError, String binding) {
        if (r.expiresAt().isBefore(id.clock.instant())) {
            return "expired_request";
        }
        if (binding == null || !MessageDigest.isEqual(IdentityCipher.sha256Hex(binding).getBytes(StandardCharsets.US_ASCII),
                r.bindingHash().getBytes(StandardCharsets.US_ASCII))) {
            // The redirect arrived in a browser that did not open this attempt: someone else's login must not land here.
            return "wrong_browser";
        }
        if (providerError != null) {
            return "access_denied".equals(providerError) ? "cancelled" : "provider_error";
        }
        return code == null || code.isBlank() ? "provider_error" : null;
    }

    private String checkLevel(JWTClaimsSet claims, String requested) {
        String acr = claimText(claims, "acr");
        if (acr == null || !id.settings.acceptedAcr(requested).contains(acr)) {
            throw new Refused("level_too_low", "acr " + (acr == null ? "missing" : "below the requested " + requested));
        }
        return id.settings.levelOf(acr);
    }

    private Person checkPerson(JWTClaimsSet claims) {
        String nationalId = claimText(claims, id.settings.nationalIdClaim());
        if (!Hetu.valid(nationalId)) {
            throw new Refused("claims_invalid", "no valid national identification number in '" + id.settings.nationalIdClaim() + "'");
        }
        String given = claimText(claims, id.settings.givenNameClaim());
        String family = claimText(claims, id.settings.familyNameClaim());
        return new Person(nationalId, given == null ? "" : given, family == null ? "" : family, claims.getSubject());
    }

    private void store(IdentificationRequest r, String level, Person person) {
        String conversationId = r.conversationId();
        String personKey = id.cipher.personKey(person.nationalId());
        Instant now = id.clock.instant();
        id.db.tx((em, fx) -> {
            Conversation c = Identification.lockLive(em, conversationId);
            ResidentIdentity existing = em.find(ResidentIdentity.class, conversationId);
            if (existing != null && !existing.personKey().equals(personKey)) {
                throw new Refused("different_person", "the conversation is already identified as someone else");
            }
            String kept = existing != null && IdentificationSettings.rank(existing.level()) >= IdentificationSettings.rank(level)
                    ? existing.level() : level;
            String sealed = id.cipher.seal(person.sealable(), conversationId);
            if (existing == null) {
                em.persist(new ResidentIdentity(conversationId, kept, personKey, id.cipher.keyId(), sealed, now));
            } else {
                existing.raise(kept, id.cipher.keyId(), sealed, now);
            }
            c.identified(kept);
            em.persist(new ConversationEvent(c.id(), now, "identified", null, null, null, kept));
            fx.toResidents(conversationId, IdentificationFrames.toResident(conversationId, kept, person));
            fx.toProfessionals(conversationId, IdentificationFrames.toProfessional(conversationId, kept, person));
            fx.queueChanged(c.queueId()); // the board shows the new level
            return null;
        });
    }

    private static String claimText(JWTClaimsSet claims, String name) {
        try {
            return claims.getStringClaim(name);
        } catch (ParseException e) {
            return null;
        }
    }
}
