package fi.ikkuna.appointment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.ikkuna.auth.Authenticator;
import fi.ikkuna.auth.Principal;
import fi.ikkuna.persistence.Database;
import fi.ikkuna.web.ErrorCode;
import fi.ikkuna.web.Json;
import fi.ikkuna.web.ProtocolException;
import fi.ikkuna.web.Rest;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** {@code /api/availability} (signed-in professionals, CSRF on changes): weekly patterns and one-off slots. */
public final class AvailabilityService implements HttpService {
    private final Availability availability;
    private final Database db;
    private final Authenticator auth;
    private final Supplier<Set<String>> queueIds;
    private final java.time.Clock clock;
    private final ZoneId zone;

    public AvailabilityService(Availability availability, Database db, Authenticator auth, Supplier<Set<String>> queueIds,
                               java.time.Clock clock, ZoneId zone) {
        this.availability = availability;
        this.db = db;
        this.auth = auth;
        this.queueIds = queueIds;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/patterns", Rest.handle(this::patterns))
                .post("/patterns", Rest.handle(this::addPattern))
                .delete("/patterns/{id}", Rest.handle(this::endPattern))
                .get("/slots", Rest.handle(this::slots))
                .post("/slots", Rest.handle(this::addSlot))
                .delete("/slots/{id}", Rest.handle(this::cancelSlot));
    }

    private void addPattern(ServerRequest req, ServerResponse res) {
        Principal p = auth.checkSession(req).principal();
        Availability.PatternInput in = AvailabilityChecks.checkPattern(Rest.checkBody(req), p, queueIds.get(), today());
        Availability.PatternCreated created = availability.doAddPattern(p, in);
        ObjectNode body = Json.object();
        body.set("pattern", db.read(em -> new SlotJson(em, zone).pattern(created.pattern())));
        body.put("slotsCreated", created.slots());
        Rest.send(res, 201, body);
    }

    private void patterns(ServerRequest req, ServerResponse res) {
        Principal p = auth.checkSession(req).principal();
        ObjectNode body = Json.object();
        ArrayNode list = body.putArray("patterns");
        db.read(em -> {
            SlotJson json = new SlotJson(em, zone);
            em.createQuery("select p from AvailabilityPattern p where p.professionalId = :p and p.endedAt is null order by p.weekday, p.startTime",
                    AvailabilityPattern.class).setParameter("p", p.id()).getResultList().forEach(x -> list.add(json.pattern(x)));
            return null;
        });
        Rest.send(res, 200, body);
    }

    private void endPattern(ServerRequest req, ServerResponse res) {
        Principal p = auth.checkSession(req).principal();
        int cancelled = availability.doEndPattern(p, req.path().pathParameters().get("id"));
        Rest.send(res, 200, Json.object().put("status", "ended").put("slotsCancelled", cancelled));
    }

    private void addSlot(ServerRequest req, ServerResponse res) {
        Principal p = auth.checkSession(req).principal();
        Availability.SlotInput in = AvailabilityChecks.checkSlot(Rest.checkBody(req), p, queueIds.get(), zone, clock.instant());
        Slot s = availability.doAddSlot(p, in);
        Rest.send(res, 201, db.read(em -> new SlotJson(em, zone).ownSlot(s)));
    }

    private void cancelSlot(ServerRequest req, ServerResponse res) {
        Principal p = auth.checkSession(req).principal();
        Slot s = availability.doCancelSlot(p, req.path().pathParameters().get("id"));
        Rest.send(res, 200, db.read(em -> new SlotJson(em, zone).ownSlot(s)));
    }

    /** {@code ?queue=&from=&to=} (dates, default today and two weeks on): the queue's slots, booked or not. */
    private void slots(ServerRequest req, ServerResponse res) {
        Principal p = auth.checkSession(req).principal();
        String queue = req.query().first("queue").orElseThrow(() -> new ProtocolException(ErrorCode.MISSING_FIELD, "queue is required", "queue"));
        AvailabilityChecks.checkMember(p, queue);
        LocalDate from = date(req, "from", today());
        LocalDate to = date(req, "to", from.plusWeeks(2));
        availability.extendPatterns();
        Instant a = from.atStartOfDay(zone).toInstant();
        Instant b = to.plusDays(1).atStartOfDay(zone).toInstant();
        ObjectNode body = Json.object().put("queue", queue);
        ArrayNode list = body.putArray("slots");
        db.read(em -> {
            SlotJson json = new SlotJson(em, zone);
            List<Slot> slots = em.createQuery("select s from Slot s where s.queueId = :q and s.startAt >= :a and s.startAt < :b"
                    + " order by s.startAt, s.professionalId", Slot.class).setParameter("q", queue).setParameter("a", a)
                    .setParameter("b", b).getResultList();
            slots.forEach(s -> list.add(json.ownSlot(s)));
            return null;
        });
        Rest.send(res, 200, body);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    private static LocalDate date(ServerRequest req, String name, LocalDate fallback) {
        String v = req.query().first(name).orElse(null);
        try {
            return v == null ? fallback : LocalDate.parse(v);
        } catch (java.time.format.DateTimeParseException e) {
            throw new ProtocolException(ErrorCode.INVALID_FIELD, name + " must be a date yyyy-mm-dd", name);
        }
    }
}
