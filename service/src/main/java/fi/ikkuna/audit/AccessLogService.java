package fi.ikkuna.audit;

import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import fi.ikkuna.auth.Authenticator;
import fi.ikkuna.auth.Professional;
import fi.ikkuna.persistence.Database;
import fi.ikkuna.web.Json;
import fi.ikkuna.web.Rest;

/** {@code /api/audit} (administrators): who opened a conversation, and what a professional opened. */
public final class AccessLogService implements HttpService {
    private final Database db;
    private final Authenticator auth;

    public AccessLogService(Database db, Authenticator auth) {
        this.db = db;
        this.auth = auth;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/conversations/{id}", Rest.handle(this::byConversation))
                .get("/professionals/{id}", Rest.handle(this::byProfessional));
    }

    private void byConversation(ServerRequest req, ServerResponse res) {
        list(req, res, "conversationId");
    }

    private void byProfessional(ServerRequest req, ServerResponse res) {
        list(req, res, "professionalId");
    }

    private void list(ServerRequest req, ServerResponse res, String field) {
        auth.checkAdministrator(req);
        String given = req.path().pathParameters().get("id");
        ObjectNode body = Json.object();
        ArrayNode arr = body.putArray("entries");
        db.read(em -> {
            // Administrators think in usernames; ids work too.
            String id = "professionalId".equals(field) ? em.createQuery(
                            "select p.id from Professional p where p.username = :u", String.class)
                    .setParameter("u", given).getResultStream().findFirst().orElse(given) : given;
            List<AccessLogEntry> entries = em.createQuery(
                            "select a from AccessLogEntry a where a." + field + " = :id order by a.at", AccessLogEntry.class)
                    .setParameter("id", id).getResultList();
            for (AccessLogEntry e : entries) {
                Professional p = em.find(Professional.class, e.professionalId());
                arr.addObject().put("professionalId", e.professionalId())
                        .put("professional", p == null ? null : p.displayName() + " (" + p.username() + ")")
                        .put("conversationId", e.conversationId()).put("action", e.action()).put("purpose", e.purpose())
                        .put("at", e.at().toString());
            }
            return null;
        });
        Rest.json(res, body);
    }
}
