package fi.ikkuna.rules;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import fi.ikkuna.auth.Authenticator;
import fi.ikkuna.triage.RuleLoadException;
import fi.ikkuna.web.ErrorCode;
import fi.ikkuna.web.Json;
import fi.ikkuna.web.ProtocolException;
import fi.ikkuna.web.Rest;

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
        rules.post("/reload", Rest.handle(this::reload));
    }

    private void reload(ServerRequest req, ServerResponse res) {
        auth.checkRulesEditor(req);
        try {
            reload.run();
            Rest.json(res, Json.object().put("status", "reloaded"));
        } catch (RuleLoadException e) {
            Rest.send(res, new ProtocolException(ErrorCode.INVALID_RULES, e.getMessage()));
        }
    }
}
