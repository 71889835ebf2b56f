package fi.ikkuna.insights;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import fi.ikkuna.support.Backend;
import fi.ikkuna.triage.Channel;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import org.junit.jupiter.api.Test;

/** The scrape cache: figures are reused for the cache period, recomputed after it, and kept when the database fails. */
class InsightsMetricsTest {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2025-03-05T12:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(now, zone);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static double contacts(MetricSnapshots s) {
        return s.stream().filter(m -> m.getMetadata().getName().equals("ikkuna_contacts")).flatMap(m -> ((CounterSnapshot) m)
                .getDataPoints().stream()).mapToDouble(CounterSnapshot.CounterDataPointSnapshot::getValue).sum();
    }

    @Test
    void scrapesAreCachedRecomputedAndSurviveADatabaseFailure() throws Exception {
        ManualClock clock = new ManualClock();
        try (Backend backend = Backend.h2()) {
            HistorySeed seed = new HistorySeed(backend);
            Insights insights = new Insights(seed.db(), HistorySeed.HELSINKI, clock, Duration.ofHours(4), 366);
            InsightsMetrics metrics = new InsightsMetrics(insights, 30, Duration.ofSeconds(30), clock);
            Instant created = clock.now.minus(Duration.ofHours(1));
            seed.conversation(Channel.CHAT, created, c -> c.triage("health", "health", null).queued(created));
            assertEquals(1.0, contacts(metrics.collect()));

            seed.conversation(Channel.FORM, created, c -> c.triage("dental", "dental", null).queued(created));
            clock.now = clock.now.plusSeconds(29);
            assertEquals(1.0, contacts(metrics.collect()), "within the cache period the database is not read again");
            clock.now = clock.now.plusSeconds(1);
            assertEquals(2.0, contacts(metrics.collect()), "after it the figures are read afresh");

            seed.close();
            clock.now = clock.now.plusSeconds(60);
            assertEquals(2.0, contacts(metrics.collect()), "a failing database keeps the last figures instead of failing the scrape");
        }
    }
}
