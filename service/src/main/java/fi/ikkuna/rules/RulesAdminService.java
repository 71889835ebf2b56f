package fi.ikkuna.rules;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import fi.ikkuna.auth.Authenticator;
import fi.ikkuna.protocol.HttpErrors;
import fi.ikkuna.protocol.Json;
import fi.ikkuna.triage.RuleLoadException;

/**
 * {@code POST /api/rules/reload} (rules editor or administrator): re-reads the rules directory and swaps the
 * new rule set in atomically; an invalid directory answers 422 with file, line and reason and the running
 * rule set stays active.
 */
public final class RulesAdminService implements HttpService {
    private final Authenticator auth;
    private final Runnable reload;

    public RulesAdminService(Authenticator auth, Runnable reload) {
        this.auth = auth;
        this.reload = reload;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/reload", HttpErrors.guard(this::reload));
    }

    private void reload(ServerRequest req, ServerResponse res) {
        auth.checkRulesEditor(req);
        try {
            reload.run();
            HttpErrors.json(res, Json.object().put("status", "reloaded"));
        } catch (RuleLoadException e) {
            res.status(Status.create(422, "Unprocessable Content"));
            HttpErrors.json(res, Json.object().set("error", Json.object().put("code", "invalid_rules").put("message", e.getMessage())));
        }
    }
}
