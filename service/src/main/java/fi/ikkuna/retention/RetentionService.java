package fi.ikkuna.retention;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import fi.ikkuna.auth.Authenticator;
import fi.ikkuna.auth.Principal;
import fi.ikkuna.web.Json;
import fi.ikkuna.web.Rest;

/**
 * {@code /api/retention} (administrators): a conversation's retention status, legal hold on and off, erasure on
 * request, and running the job now.
 */
public final class RetentionService implements HttpService {
    private final Retention retention;
    private final Authenticator auth;

    public RetentionService(Retention retention, Authenticator auth) {
        this.retention = retention;
        this.auth = auth;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/conversations/{id}", Rest.handle(this::status))
                .put("/conversations/{id}/hold", Rest.handle(this::hold))
                .delete("/conversations/{id}/hold", Rest.handle(this::release))
                .post("/conversations/{id}/erase", Rest.handle(this::erase))
                .post("/run", Rest.handle(this::run));
    }

    private static String id(ServerRequest req) {
        return req.path().pathParameters().get("id");
    }

    private void status(ServerRequest req, ServerResponse res) {
        auth.checkAdministrator(req);
        Erasure.Status s = retention.erasure().status(id(req));
        ObjectNode body = Json.object().put("conversationId", s.id()).put("kind", s.kind().wire())
                .put("endedAt", text(s.end())).put("purgeAt", text(s.purgeAt())).put("erasableAt", text(s.erasableAt()));
        if (s.hold() != null) {
            body.putObject("legalHold").put("setBy", s.hold().setBy()).put("setAt", s.hold().setAt().toString())
                    .put("reason", s.hold().reason());
        } else {
            body.putNull("legalHold");
        }
        if (s.purged() != null) {
            body.putObject("purged").put("how", s.purged().how()).put("at", s.purged().purgedAt().toString());
        } else {
            body.putNull("purged");
        }
        Rest.json(res, body);
    }

    private void hold(ServerRequest req, ServerResponse res) {
        Principal p = auth.checkAdministrator(req);
        ObjectNode in = Json.parseObject(req.content().as(String.class));
        LegalHold h = retention.holds().doSet(p, id(req), in.path("reason").isTextual() ? in.path("reason").asText() : null);
        Rest.json(res, Json.object().put("conversationId", h.conversationId()).put("setBy", h.setBy())
                .put("setAt", h.setAt().toString()).put("reason", h.reason()));
    }

    private void release(ServerRequest req, ServerResponse res) {
        Principal p = auth.checkAdministrator(req);
        Rest.json(res, Json.object().put("released", retention.holds().doRelease(p, id(req))));
    }

    private void erase(ServerRequest req, ServerResponse res) {
        Principal p = auth.checkAdministrator(req);
        Rest.json(res, Json.object().put("erased", retention.erasure().doErase(p, id(req))));
    }

    private void run(ServerRequest req, ServerResponse res) {
        auth.checkAdministrator(req);
        RetentionJob.Report r = retention.job().run();
        Rest.json(res, Json.object().put("purged", r.purged()).put("accessLogDeleted", r.accessLogDeleted())
                .put("batches", r.batches()));
    }

    private static String text(java.time.Instant t) {
        return t == null ? null : t.toString();
    }
}
