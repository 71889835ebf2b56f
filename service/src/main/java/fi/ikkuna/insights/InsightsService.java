package fi.ikkuna.insights;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.ikkuna.auth.Authenticator;
import fi.ikkuna.auth.Principal;
import fi.ikkuna.persistence.Database;
import fi.ikkuna.web.ErrorCode;
import fi.ikkuna.web.Json;
import fi.ikkuna.web.ProtocolException;
import fi.ikkuna.web.Rest;
import io.helidon.config.Config;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * {@code /api/insights} for administrators and managers: {@code GET /} lists tables, queues and defaults;
 * {@code GET /{table}?from&to&queue&format} returns one table as JSON or as a CSV attachment.
 */
public final class InsightsService implements HttpService {
    static final Set<String> ROLES = Set.of("administrator", ManagerRole.ROLE);

    private final Insights insights;
    private final Authenticator auth;

    public InsightsService(Insights insights, Authenticator auth) {
        this.insights = insights;
        this.auth = auth;
    }

    /** The wiring {@code Main} uses: configuration from {@code ikkuna.insights}. */
    public InsightsService(Database db, Authenticator auth, java.time.ZoneId zone, Config insightsConfig) {
        this(Insights.from(db, zone, insightsConfig), auth);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", Rest.handle(this::index)).get("/{table}", Rest.handle(this::table));
    }

    private Principal checkReader(ServerRequest req) {
        Principal p = auth.checkSession(req).principal();
        if (!ROLES.contains(p.role())) {
            throw new ProtocolException(ErrorCode.FORBIDDEN, "Administrator or manager role required");
        }
        return p;
    }

    private void index(ServerRequest req, ServerResponse res) {
        checkReader(req);
        ObjectNode body = Json.object().put("zone", insights.zone().getId()).put("today", insights.today().toString())
                .put("from", insights.today().minusDays(InsightsQuery.DEFAULT_DAYS - 1).toString())
                .put("atRiskHours", insights.atRisk().toHours()).put("maxDays", insights.maxDays());
        body.set("tables", Json.MAPPER.valueToTree(InsightsQuery.TABLES));
        ArrayNode queues = body.putArray("queues");
        for (Object[] q : queueNames()) {
            queues.addObject().put("id", (String) q[0]).put("fi", (String) q[1]).put("sv", (String) q[2]).put("en", (String) q[3])
                    .put("service", (String) q[4]);
        }
        Rest.json(res, body);
    }

    private void table(ServerRequest req, ServerResponse res) {
        checkReader(req);
        String name = InsightsQuery.checkTable(req.path().pathParameters().get("table"));
        var params = req.query();
        boolean csv = InsightsQuery.checkCsv(params.first("format").asOptional());
        Set<String> queueIds = queueNames().stream().map(q -> (String) q[0]).collect(Collectors.toSet());
        InsightsQuery q = InsightsQuery.checkQuery(params.first("from").asOptional(), params.first("to").asOptional(),
                params.first("queue").asOptional(), insights.today(), insights.maxDays(), queueIds);
        Table t = insights.table(name, q);
        if (csv) {
            String file = "ikkuna-" + name + "-" + q.from() + "-" + q.to() + (q.queue() == null ? "" : "-" + q.queue()) + ".csv";
            res.header(HeaderNames.CONTENT_TYPE, "text/csv; charset=utf-8")
                    .header(HeaderNames.CONTENT_DISPOSITION, "attachment; filename=\"" + file.replaceAll("[^A-Za-z0-9._-]", "_") + "\"")
                    .send(t.toCsv());
            return;
        }
        ObjectNode body = t.toJson().put("from", q.from().toString()).put("to", q.to().toString()).put("queue", q.queue())
                .put("zone", insights.zone().getId());
        if (name.equals("deadlines")) {
            body.put("atRiskHours", insights.atRisk().toHours());
        }
        Rest.json(res, body);
    }

    private List<Object[]> queueNames() {
        return insights.db().read(em -> em.createQuery(
                "select q.id, q.nameFi, q.nameSv, q.nameEn, q.service from QueueEntity q order by q.id", Object[].class).getResultList());
    }
}
