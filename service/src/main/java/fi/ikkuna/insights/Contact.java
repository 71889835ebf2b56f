package fi.ikkuna.insights;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import fi.ikkuna.triage.FiredRule;
import fi.ikkuna.triage.FiredRules;
import fi.ikkuna.web.Json;

/**
 * One stored conversation with its lifecycle events, as the insights read it. Everything derived here comes
 * from the events, because the conversation row keeps only the latest queue, claim and close.
 */
record Contact(String id, String channel, String service, String queue, String state, String urgency, Instant deadline,
               Instant createdAt, String outcome, Integer rating, String triageJson, List<Event> events) {
    static final String NONE = "none";
    static final String EMERGENCY = "emergency";

    /** A stored conversation_event; {@code from}/{@code to} are lifecycle states, null when unchanged. */
    record Event(Instant at, String type, String from, String to, String detail) {
        boolean entersQueue() {
            return "queued".equals(to) && !"queued".equals(from);
        }

        /** "from -> to: reason" of a transfer; {null, null} for anything else. */
        String[] transfer() {
            if (!"transferred".equals(type) || detail == null || !detail.contains(" -> ")) {
                return new String[] {null, null};
            }
            int arrow = detail.indexOf(" -> ");
            int colon = detail.indexOf(": ", arrow);
            return new String[] {detail.substring(0, arrow), detail.substring(arrow + 4, colon < 0 ? detail.length() : colon)};
        }
    }

    /** One stretch of waiting in a queue: from entering it to a claim, a close, or still open ({@code end} null). */
    record Wait(String queue, Instant start, Instant end, String endedBy) {
        long seconds() {
            return end.getEpochSecond() - start.getEpochSecond();
        }
    }

    /** An emergency's deadline is the moment of contact: a met/missed rate would count every one as missed. */
    boolean emergency() {
        return EMERGENCY.equals(urgency);
    }

    String queueOrNone() {
        return queue == null ? NONE : queue;
    }

    String serviceOrNone() {
        return service == null ? NONE : service;
    }

    /**
     * The waits in order. The queue of each wait is replayed from the transfers: before the first transfer the
     * conversation was in that transfer's source queue, afterwards in its target.
     */
    List<Wait> waits() {
        String current = events.stream().map(e -> e.transfer()[0]).filter(q -> q != null).findFirst().orElse(queue);
        List<Wait> out = new ArrayList<>();
        Event open = null;
        String openQueue = null;
        for (Event e : events) {
            String to = e.transfer()[1];
            if (to != null) {
                current = to;
            }
            if (e.entersQueue()) {
                open = e;
                openQueue = current;
            } else if (open != null && ("claimed".equals(e.type()) || "closed".equals(e.to()))) {
                out.add(new Wait(openQueue == null ? NONE : openQueue, open.at(), e.at(), e.type()));
                open = null;
            }
        }
        if (open != null) {
            out.add(new Wait(openQueue == null ? NONE : openQueue, open.at(), null, null));
        }
        return out;
    }

    Optional<Event> first(String type) {
        return events.stream().filter(e -> type.equals(e.type())).findFirst();
    }

    Optional<Event> closed() {
        return events.stream().filter(e -> "closed".equals(e.to())).findFirst();
    }

    /**
     * Ids of the rules that fired in the (latest) stored triage, in precedence order: its structured {@code fired}
     * list, or for rows stored before that list the same ids read from their explanation ({@link FiredRules#of}).
     * The statistical second opinion is not a rule anyone can correct, and the old rows never counted it.
     */
    Set<String> firedRules() {
        Set<String> rules = new LinkedHashSet<>();
        if (triageJson == null || triageJson.isBlank()) {
            return rules;
        }
        JsonNode triage;
        try {
            triage = Json.MAPPER.readTree(triageJson);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // A damaged row must not take the dashboard down; it simply names no rule.
            return rules;
        }
        for (FiredRule f : FiredRules.of(triage)) {
            if (f.kind() != FiredRule.Kind.SECOND_OPINION) {
                rules.add(f.rule());
            }
        }
        return rules;
    }
}
