package fi.ikkuna.datarights;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.ikkuna.audit.AccessLogEntry;
import fi.ikkuna.auth.Professional;
import jakarta.persistence.EntityManager;

/**
 * "Who has read my data" (asiakastietolaki 703/2023): every access-log row on the person's conversations within the
 * last {@code access-log-years}, newest first — when, which role and title, how and why. A professional's name only
 * where the county chose to show it ({@code show-professional-names}); never their account id or username.
 */
final class AccessHistory {
    private AccessHistory() {
    }

    static void write(EntityManager em, List<String> ids, DataRightsSettings settings, Instant now, ObjectNode into) {
        Instant since = now.atOffset(ZoneOffset.UTC).minusYears(settings.accessLogYears()).toInstant();
        ObjectNode log = into.putObject("accessLog").put("since", since.toString()).put("years", settings.accessLogYears())
                .put("namesShown", settings.showProfessionalNames());
        ArrayNode entries = log.putArray("entries");
        if (ids.isEmpty()) {
            return;
        }
        List<AccessLogEntry> rows = em.createQuery("select a from AccessLogEntry a where a.conversationId in :ids "
                + "and a.at >= :since order by a.at desc, a.id", AccessLogEntry.class).setParameter("ids", ids)
                .setParameter("since", since).getResultList();
        for (AccessLogEntry a : rows) {
            Professional p = em.find(Professional.class, a.professionalId());
            ObjectNode e = entries.addObject().put("at", a.at().toString()).put("conversationId", a.conversationId())
                    .put("action", a.action()).put("purpose", a.purpose())
                    .put("role", p == null ? null : p.role()).put("title", p == null ? null : p.title());
            if (settings.showProfessionalNames()) {
                e.put("name", p == null ? null : p.displayName());
            }
        }
    }
}
