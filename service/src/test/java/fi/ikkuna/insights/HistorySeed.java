package fi.ikkuna.insights;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import fi.ikkuna.conversation.Conversation;
import fi.ikkuna.conversation.ConversationEvent;
import fi.ikkuna.conversation.ConversationState;
import fi.ikkuna.persistence.Database;
import fi.ikkuna.support.Backend;
import fi.ikkuna.triage.Channel;
import fi.ikkuna.triage.FiredRule;
import fi.ikkuna.triage.FiredRules;
import fi.ikkuna.triage.Urgency;
import fi.ikkuna.web.Json;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;

/**
 * Writes a conversation history straight into a backend's database through the real entities, with fixed
 * timestamps, the way the service would have stored it (same state machine, same event types and details).
 */
public final class HistorySeed implements AutoCloseable {
    public static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Database db;

    public HistorySeed(Backend backend) {
        Map<String, String> c = backend.config();
        Map<String, String> db = new HashMap<>();
        db.put("url", c.getOrDefault("ikkuna.db.url", ""));
        db.put("user", c.getOrDefault("ikkuna.db.user", ""));
        db.put("password", c.getOrDefault("ikkuna.db.password", ""));
        db.put("pool-size", "2");
        Config config = Config.builder().sources(ConfigSources.create(db)).disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource().build();
        this.db = Database.open(config, Path.of(c.getOrDefault("ikkuna.data.dir", "./data")));
    }

    public Database db() {
        return db;
    }

    public static Instant at(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).atZone(HELSINKI).toInstant();
    }

    /** Stores one conversation built by {@code steps}. */
    public void conversation(Channel channel, Instant created, Consumer<Conv> steps) {
        Conv conv = new Conv(channel, created);
        steps.accept(conv);
        db.tx(em -> {
            em.persist(conv.c);
            conv.events.forEach(em::persist);
            return null;
        });
    }

    /** One conversation under construction; each step moves the state machine and records its event. */
    public static final class Conv {
        public final Conversation c;
        final List<ConversationEvent> events = new ArrayList<>();

        Conv(Channel channel, Instant created) {
            byte[] token = new byte[32];
            RANDOM.nextBytes(token);
            c = new Conversation(java.util.UUID.randomUUID().toString(), channel, "fi", HexFormat.of().formatHex(token), created);
            events.add(new ConversationEvent(c.id(), created, "started", null, ConversationState.NEW, null, channel.wire()));
        }

        public Conv triage(String service, String queue, Instant deadline, String... explanation) {
            return triage(Urgency.NON_URGENT, service, queue, deadline, explanation);
        }

        /** An emergency: its care-guarantee deadline is the moment of contact. */
        public Conv emergency(String service, String queue, String... explanation) {
            return triage(Urgency.EMERGENCY, service, queue, c.createdAt(), explanation);
        }

        private Conv triage(Urgency urgency, String service, String queue, Instant deadline, String... explanation) {
            var json = Json.object().put("urgency", urgency.wire()).put("service", service).put("queue", queue);
            json.set("explanation", Json.MAPPER.valueToTree(List.of(explanation)));
            c.applyTriage(urgency, service, queue, deadline, Json.write(json));
            return step(c.createdAt(), ConversationState.TRIAGED, "triaged", null);
        }

        /** Stores the triage as the service does since the fired list (docs/triage.md, "Stored triage"): with the list. */
        public Conv fired(FiredRule... fired) {
            var json = Json.parseObject(c.triageJson());
            json.set(FiredRules.KEY, FiredRules.toJson(List.of(fired)));
            c.applyTriage(c.urgency(), c.service(), c.queueId(), c.deadline(), Json.write(json));
            return this;
        }

        public Conv queued(Instant at) {
            return step(at, ConversationState.QUEUED, "queued", null);
        }

        public Conv selfServed(Instant at) {
            return step(at, ConversationState.SELF_SERVED, "self_served", null);
        }

        public Conv faqHelpful(Instant at) {
            c.close("self_served");
            return step(at, ConversationState.CLOSED, "faq_helpful", null);
        }

        public Conv faqNotHelpful(Instant at) {
            return step(at, ConversationState.QUEUED, "faq_not_helpful", null);
        }

        public Conv claim(Instant at) {
            step(at, ConversationState.ASSIGNED, "claimed", null);
            c.assignTo("00000000-0000-0000-0000-000000000000");
            return this;
        }

        public Conv transfer(Instant at, String to, String reason) {
            String from = c.queueId();
            c.transferTo(to);
            return step(at, ConversationState.QUEUED, "transferred", from + " -> " + to + ": " + reason);
        }

        public Conv release(Instant at) {
            return step(at, ConversationState.QUEUED, "released", null);
        }

        public Conv close(Instant at, String outcome) {
            c.close(outcome);
            return step(at, ConversationState.CLOSED, "closed", outcome);
        }

        public Conv residentClose(Instant at) {
            c.close(c.state() == ConversationState.QUEUED ? "abandoned" : "resident_closed");
            return step(at, ConversationState.CLOSED, "closed_by_resident", null);
        }

        public Conv rate(int score) {
            c.rate(score, "kommentti, \"lainaus\"");
            events.add(new ConversationEvent(c.id(), c.closedAt(), "rated", null, null, null, Integer.toString(score)));
            return this;
        }

        private Conv step(Instant at, ConversationState to, String type, String detail) {
            ConversationState from = c.state();
            c.moveTo(to, at);
            events.add(new ConversationEvent(c.id(), at, type, from, to, null, detail));
            return this;
        }
    }

    @Override
    public void close() {
        db.close();
    }
}
