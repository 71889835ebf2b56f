package fi.ikkuna.triage.api;

import java.time.ZoneId;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import fi.ikkuna.triage.Contact;
import fi.ikkuna.triage.TriageOutcome;
import fi.ikkuna.web.ErrorCode;
import fi.ikkuna.web.ProtocolException;

/**
 * The simulation contract for other callers (the rules workbench tries drafts with it): the same request
 * checks and the same response shape as {@code POST /api/triage/simulate}.
 */
public final class Simulation {
    private final SimulateService shape;
    private final ZoneId zone;

    public Simulation(ZoneId zone) {
        this.zone = zone;
        this.shape = new SimulateService(null, zone);
    }

    /** Checks a simulation request body; rejects it with the field to blame. */
    public Contact checkContact(JsonNode body) {
        try {
            return SimulateRequest.checkContact(body, zone);
        } catch (SimulateRequest.Invalid e) {
            throw new ProtocolException(ErrorCode.INVALID_FIELD, e.getMessage(), e.field);
        }
    }

    public Map<String, Object> toJson(TriageOutcome outcome) {
        return shape.toJson(outcome);
    }
}
