package fi.ikkuna.triage.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.ikkuna.triage.Contact;
import fi.ikkuna.triage.RuleTriagePipeline;
import fi.ikkuna.triage.TriageOutcome;
import fi.ikkuna.triage.TriagePipeline;
import fi.ikkuna.web.ErrorCode;
import fi.ikkuna.web.ProtocolException;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /simulate} under {@code /api/triage}: runs one text through the pipeline exactly as a contact
 * would be, so staff can tune rules. Nothing is stored. Register with
 * {@code routing.register("/api/triage", new SimulateService(pipeline))}.
 */
public final class SimulateService implements HttpService {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final TriagePipeline pipeline;
    private final ZoneId zone;

    public SimulateService(TriagePipeline pipeline) {
        this(pipeline, pipeline instanceof RuleTriagePipeline r ? r.zone() : ZoneId.of("Europe/Helsinki"));
    }

    public SimulateService(TriagePipeline pipeline, ZoneId zone) {
        this.pipeline = pipeline;
        this.zone = zone;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/simulate", this::simulate);
    }

    private void simulate(ServerRequest req, ServerResponse res) {
        Contact contact;
        try {
            JsonNode body = JSON.readTree(req.content().as(String.class));
            contact = SimulateRequest.checkContact(body, zone);
        } catch (JsonProcessingException e) {
            send(res, error(ErrorCode.INVALID_JSON, "the body is not valid JSON", null));
            return;
        } catch (SimulateRequest.Invalid e) {
            send(res, error(e.code, e.getMessage(), e.field));
            return;
        }
        if (!pipeline.ready()) {
            send(res, error(ErrorCode.NOT_READY, "no rule set is loaded", null));
            return;
        }
        send(res, Status.OK_200, toJson(pipeline.triage(contact)));
    }

    Map<String, Object> toJson(TriageOutcome o) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("urgency", o.urgency().wire());
        out.put("service", o.service());
        out.put("queue", o.queue());
        out.put("deadline", o.deadline() == null ? null : o.deadline().atZone(zone).toOffsetDateTime().toString());
        out.put("answered", o.answered());
        out.put("safety", o.safety().stream().map(s -> Map.of("rule", s.rule(), "instruction", s.instruction())).toList());
        out.put("faq", o.faq().stream().limit(5).map(f -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", f.id());
            m.put("score", f.score());
            m.put("question", f.question());
            return m;
        }).toList());
        out.put("answer", o.answered() && !o.faq().isEmpty() ? o.faq().getFirst().answer() : null);
        out.put("explanation", List.copyOf(o.explanation()));
        return out;
    }

    /** The simulation's own body (it always names {@code field}, null or not), with the code's status. */
    private static ProtocolException error(ErrorCode code, String message, String field) {
        return new ProtocolException(code, message, field);
    }

    private static void send(ServerResponse res, ProtocolException refusal) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("code", refusal.code().wire());
        e.put("message", refusal.getMessage());
        e.put("field", refusal.field());
        send(res, refusal.code().status(), Map.of("error", e));
    }

    private static void send(ServerResponse res, Status status, Object body) {
        try {
            res.status(status).header(HeaderValues.CONTENT_TYPE_JSON).send(JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
