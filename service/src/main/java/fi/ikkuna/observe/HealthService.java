package fi.ikkuna.observe;

import java.util.function.BooleanSupplier;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import fi.ikkuna.web.Json;
import fi.ikkuna.web.Rest;

/**
 * {@code /observe/health}: 200 UP only when the database answers and a rule set is loaded, else 503 DOWN.
 * Finnish analysis on its fallback (libvoikko missing) is 200 with status and check {@code analysis} DEGRADED:
 * the service answers, but its safety screen misses more, which an operator must see rather than guess.
 * A clustered node has a {@code cluster} check: NATS away is DEGRADED, never DOWN, because the database stays the
 * truth and the nodes poll it meanwhile (docs/cluster.md); a single node has no such check.
 */
public final class HealthService implements HttpService {
    private final BooleanSupplier database;
    private final BooleanSupplier rules;
    private final BooleanSupplier analysisDegraded;
    private final java.util.function.Supplier<java.util.Optional<Boolean>> natsConnected;

    public HealthService(BooleanSupplier database, BooleanSupplier rules, BooleanSupplier analysisDegraded,
            java.util.function.Supplier<java.util.Optional<Boolean>> natsConnected) {
        this.natsConnected = natsConnected;
        this.database = database;
        this.rules = rules;
        this.analysisDegraded = analysisDegraded;
    }

    @Override
    public void routing(HttpRules r) {
        r.get("/", this::health).get("/ready", this::health).get("/live", (req, res) -> Rest.json(res, Json.object().put("status", "UP")));
    }

    private void health(ServerRequest req, ServerResponse res) {
        boolean db = database.getAsBoolean();
        boolean rs = rules.getAsBoolean();
        boolean degraded = analysisDegraded.getAsBoolean();
        java.util.Optional<Boolean> nats = natsConnected.get();
        boolean clusterDegraded = nats.isPresent() && !nats.get();
        var body = Json.object().put("status", !(db && rs) ? "DOWN" : degraded || clusterDegraded ? "DEGRADED" : "UP");
        var checks = body.putObject("checks").put("database", db ? "UP" : "DOWN").put("rules", rs ? "UP" : "DOWN")
                .put("analysis", degraded ? "DEGRADED" : "UP");
        nats.ifPresent(up -> checks.put("cluster", up ? "UP" : "DEGRADED"));
        res.status(db && rs ? Status.OK_200 : Status.SERVICE_UNAVAILABLE_503);
        Rest.json(res, body);
    }
}
