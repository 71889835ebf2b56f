package fi.ikkuna.insights;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fi.ikkuna.persistence.Database;
import io.helidon.config.Config;

/**
 * Computes the insights tables from the stored conversations and events. Nothing is counted in memory: every
 * call reads the database, so the figures survive restarts and agree between the dashboard, CSV and metrics.
 */
public final class Insights {
    private final Database db;
    private final ZoneId zone;
    private final Clock clock;
    private final Duration atRisk;
    private final int maxDays;

    public Insights(Database db, ZoneId zone, Clock clock, Duration atRisk, int maxDays) {
        this.db = db;
        this.zone = zone;
        this.clock = clock;
        this.atRisk = atRisk;
        this.maxDays = maxDays;
    }

    /** From {@code ikkuna.insights}: {@code at-risk-hours} (default 4) and {@code max-range-days} (default 366). */
    public static Insights from(Database db, ZoneId zone, Config insights) {
        return new Insights(db, zone, Clock.systemUTC(), Duration.ofHours(insights.get("at-risk-hours").asInt().orElse(4)),
                insights.get("max-range-days").asInt().orElse(366));
    }

    ZoneId zone() {
        return zone;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    int maxDays() {
        return maxDays;
    }

    Duration atRisk() {
        return atRisk;
    }

    Database db() {
        return db;
    }

    Table table(String name, InsightsQuery q) {
        return tables(q, List.of(name)).get(name);
    }

    /** The named tables over one read of the range, so they are consistent with each other. */
    Map<String, Table> tables(InsightsQuery q, List<String> names) {
        List<Contact> all = History.load(db, q.start(zone), q.end(zone));
        List<Contact> inQueue = q.queue() == null ? all : all.stream().filter(c -> q.queue().equals(c.queue())).toList();
        ContactTables perContact = new ContactTables(inQueue, zone);
        QueueTables queues = new QueueTables(all, zone, q.queue());
        Map<String, Table> out = new LinkedHashMap<>();
        for (String name : names) {
            out.put(name, switch (name) {
                case "contacts" -> perContact.contacts();
                case "faq" -> perContact.faq();
                case "ratings" -> perContact.ratings();
                case "waits" -> queues.waits();
                case "deadlines" -> queues.deadlines(clock.instant(), atRisk);
                case "abandoned" -> queues.abandoned();
                case "corrections" -> CorrectionTable.of(all, q.queue());
                default -> throw new IllegalArgumentException(name);
            });
        }
        return out;
    }
}
