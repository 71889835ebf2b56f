package fi.ikkuna.appointment;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.ikkuna.conversation.ConversationService;
import fi.ikkuna.triage.Channel;
import fi.ikkuna.triage.TriageOutcome;
import fi.ikkuna.web.Json;

/**
 * A resident's appointment request: the text passes the same pipeline as a chat (it becomes a conversation
 * through {@link ConversationService#doStartContact}); an emergency gets the safety guidance and is never offered
 * a slot; otherwise the routed queue's free slots are offered, those inside the care-guarantee deadline first.
 */
public final class AppointmentRequests {
    private final ConversationService conversations;
    private final Availability availability;
    private final Clock clock;
    private final ZoneId zone;
    private final int offerLimit;

    public AppointmentRequests(ConversationService conversations, Availability availability, Clock clock, ZoneId zone,
                               int offerLimit) {
        this.conversations = conversations;
        this.availability = availability;
        this.clock = clock;
        this.zone = zone;
        this.offerLimit = offerLimit;
    }

    /** The answer to the resident, built inside the request's transaction. */
    public record Offered(ObjectNode body) {
    }

    Offered doRequest(AppointmentChecks.RequestInput in) {
        availability.extendPatterns();
        ConversationService.Contacted<ObjectNode> c = conversations.doStartContact(Channel.APPOINTMENT, in.language(), in.text(),
                in.age(), null, (em, conversation, triage) -> {
                    if (triage.emergency()) {
                        return null;
                    }
                    Instant now = clock.instant();
                    List<Slot> free = SlotQueries.free(em, conversation.queueId(), in.type(), now, offerLimit);
                    Instant deadline = triage.deadline();
                    boolean atRisk = deadline != null && free.stream().noneMatch(s -> !s.startAt().isAfter(deadline));
                    AppointmentRequest r = new AppointmentRequest(UUID.randomUUID().toString(), conversation.id(),
                            conversation.queueId(), in.type(), deadline, atRisk, now);
                    em.persist(r);
                    if (atRisk) {
                        AtRisk.mark(em, conversation, now);
                    }
                    SlotJson json = new SlotJson(em, zone);
                    ObjectNode o = Json.object().put("requestId", r.id()).put("deadlineAtRisk", atRisk);
                    ArrayNode list = o.putArray("slots");
                    // Free slots come earliest first, so every slot inside the deadline precedes those after it.
                    free.forEach(s -> list.add(json.slot(s).put("insideDeadline", deadline == null || !s.startAt().isAfter(deadline))));
                    return o;
                });
        return new Offered(body(c, c.also()));
    }

    private ObjectNode body(ConversationService.Contacted<ObjectNode> c, ObjectNode offer) {
        TriageOutcome t = c.triage();
        ObjectNode o = Json.object();
        o.put("requestId", offer == null ? null : offer.get("requestId").asText());
        o.put("resumeToken", c.resumeToken()).put("emergency", t.emergency()).put("urgency", t.urgency().wire())
                .put("service", t.service()).put("queue", c.conversation().queueId())
                .put("state", c.conversation().state().wire());
        o.put("deadline", t.deadline() == null ? null : t.deadline().atZone(zone).toOffsetDateTime().toString());
        o.put("deadlineAtRisk", offer != null && offer.get("deadlineAtRisk").asBoolean());
        o.set("safety", Json.MAPPER.valueToTree(t.safety()));
        ArrayNode replies = o.putArray("replies");
        c.replies().forEach(m -> replies.addObject().put("author", m.author().wire()).put("text", m.text()));
        o.set("slots", offer == null ? Json.MAPPER.createArrayNode() : offer.get("slots"));
        return o;
    }
}
