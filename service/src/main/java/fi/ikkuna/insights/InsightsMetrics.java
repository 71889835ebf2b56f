package fi.ikkuna.insights;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import fi.ikkuna.persistence.Database;
import io.helidon.config.Config;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

/**
 * The insights as Prometheus metrics, computed from the database when scraped. Labels (queues, rules) come and
 * go with the data, so this is a collector on the registry rather than fixed Micrometer gauges; the result is
 * kept for {@code metrics-cache-seconds} so frequent scrapes never hammer the database.
 */
public final class InsightsMetrics implements MultiCollector {
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(InsightsMetrics.class.getName());
    private final Insights insights;
    private final int windowDays;
    private final Duration cacheFor;
    private final Clock clock;
    private MetricSnapshots cached;
    private Instant cachedAt = Instant.MIN;

    public InsightsMetrics(Insights insights, int windowDays, Duration cacheFor, Clock clock) {
        this.insights = insights;
        this.windowDays = windowDays;
        this.cacheFor = cacheFor;
        this.clock = clock;
    }

    /** Binds to {@code registry}; {@code ikkuna.insights}: metrics-window-days (30), metrics-cache-seconds (30). */
    public static void bindTo(PrometheusMeterRegistry registry, Database db, java.time.ZoneId zone, Config insights) {
        registry.getPrometheusRegistry().register(new InsightsMetrics(Insights.from(db, zone, insights),
                insights.get("metrics-window-days").asInt().orElse(30),
                Duration.ofSeconds(insights.get("metrics-cache-seconds").asInt().orElse(30)), Clock.systemUTC()));
    }

    @Override
    public synchronized MetricSnapshots collect() {
        Instant now = clock.instant();
        if (cached == null || !now.isBefore(cachedAt.plus(cacheFor))) {
            try {
                cached = compute();
            } catch (RuntimeException e) {
                // A database hiccup must not fail the whole scrape (JVM and connection metrics too): keep the last figures.
                LOG.warning("Insights metrics not computed: " + e);
                if (cached == null) {
                    return new MetricSnapshots();
                }
            }
            cachedAt = now;
        }
        return cached;
    }

    private MetricSnapshots compute() {
        LocalDate today = insights.today();
        InsightsQuery window = new InsightsQuery(today.minusDays(windowDays - 1L), today, null);
        Map<String, Table> t = insights.tables(window, InsightsQuery.TABLES);
        Snapshots s = new Snapshots();
        for (Object[] r : History.contactTotals(insights.db())) {
            s.counter("ikkuna_contacts", "Conversations ever started, by channel and service", ((Number) r[2]).doubleValue(),
                    "channel", ((fi.ikkuna.triage.Channel) r[0]).wire(), "service", r[1] == null ? Contact.NONE : (String) r[1]);
        }
        String w = " (conversations created in the last " + windowDays + " days)";
        for (Map<String, Object> row : rows(t.get("faq"))) {
            if ("all".equals(row.get("day"))) {
                for (String result : List.of("helpful", "handed_to_person", "no_feedback")) {
                    s.gauge("ikkuna_faq_answers", "FAQ answers by what followed" + w, row.get(result), "result", result);
                }
                s.gauge("ikkuna_faq_self_service_ratio", "Helpful FAQ answers / (helpful + handed to a person)" + w,
                        row.get("self_service_rate"));
            }
        }
        for (Map<String, Object> row : rows(t.get("waits"))) {
            if ("all".equals(row.get("hour"))) {
                String q = (String) row.get("queue");
                s.gauge("ikkuna_queue_waits", "Completed waits (queued to claimed)" + w, row.get("waits"), "queue", q);
                s.gauge("ikkuna_queue_wait_seconds", "Wait from queued to claimed, nearest-rank quantile" + w, row.get("p50_seconds"),
                        "queue", q, "quantile", "0.5");
                s.gauge("ikkuna_queue_wait_seconds", "Wait from queued to claimed, nearest-rank quantile" + w, row.get("p90_seconds"),
                        "queue", q, "quantile", "0.9");
            }
        }
        for (Map<String, Object> row : rows(t.get("deadlines"))) {
            if (!"all".equals(row.get("queue"))) {
                for (String status : QueueTables.STATUSES) {
                    s.gauge("ikkuna_deadlines", "Care-guarantee deadlines by status now" + w, row.get(status),
                            "queue", (String) row.get("queue"), "status", status);
                }
                s.gauge("ikkuna_deadline_emergencies", "Emergencies that waited for a person (kept out of the statuses)" + w,
                        row.get("emergencies"), "queue", (String) row.get("queue"));
            }
        }
        Map<String, long[]> abandoned = new TreeMap<>();
        for (Map<String, Object> row : rows(t.get("abandoned"))) {
            if (!"all".equals(row.get("queue"))) {
                long[] n = abandoned.computeIfAbsent((String) row.get("queue"), k -> new long[2]);
                n[0] += (Long) row.get("waited");
                n[1] += (Long) row.get("abandoned");
            }
        }
        abandoned.forEach((q, n) -> {
            s.gauge("ikkuna_waited_conversations", "Conversations that waited for a person" + w, n[0], "queue", q);
            s.gauge("ikkuna_abandoned_waits", "Conversations the resident left while waiting" + w, n[1], "queue", q);
        });
        for (Map<String, Object> row : rows(t.get("ratings"))) {
            if ("all".equals(row.get("queue"))) {
                for (int score = 1; score <= 5; score++) {
                    s.gauge("ikkuna_ratings", "Satisfaction ratings by score" + w, row.get("score_" + score), "score", Integer.toString(score));
                }
                s.gauge("ikkuna_rating_mean", "Mean satisfaction rating (1-5)" + w, row.get("mean"));
            }
        }
        for (Map<String, Object> row : rows(t.get("corrections"))) {
            if ("all".equals(row.get("from_queue"))) {
                s.gauge("ikkuna_triage_corrections", "Transfers attributed to a fired triage rule" + w, row.get("transfers"),
                        "rule", (String) row.get("rule"));
            }
        }
        return s.build();
    }

    private static List<Map<String, Object>> rows(Table t) {
        return t.rows().stream().map(r -> {
            Map<String, Object> m = new java.util.HashMap<>();
            for (int i = 0; i < t.columns().size(); i++) {
                m.put(t.columns().get(i), r.get(i));
            }
            return m;
        }).toList();
    }
}
