package fi.ikkuna.observe;

import java.util.function.BooleanSupplier;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import fi.ikkuna.protocol.HttpErrors;
import fi.ikkuna.protocol.Json;

/** {@code /observe/health}: 200 UP only when the database answers and a rule set is loaded, else 503 DOWN. */
public final class HealthService implements HttpService {
    private final BooleanSupplier database;
    private final BooleanSupplier rules;

    public HealthService(BooleanSupplier database, BooleanSupplier rules) {
        this.database = database;
        this.rules = rules;
    }

    @Override
    public void routing(HttpRules r) {
        r.get("/", this::health).get("/ready", this::health).get("/live", (req, res) -> HttpErrors.json(res, Json.object().put("status", "UP")));
    }

    private void health(ServerRequest req, ServerResponse res) {
        boolean db = database.getAsBoolean();
        boolean rs = rules.getAsBoolean();
        var body = Json.object().put("status", db && rs ? "UP" : "DOWN");
        body.putObject("checks").put("database", db ? "UP" : "DOWN").put("rules", rs ? "UP" : "DOWN");
        res.status(db && rs ? Status.OK_200 : Status.SERVICE_UNAVAILABLE_503);
        HttpErrors.json(res, body);
    }
}
