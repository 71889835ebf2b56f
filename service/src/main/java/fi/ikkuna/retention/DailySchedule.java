package fi.ikkuna.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import fi.ikkuna.persistence.Unavailable;

/**
 * Runs the job once a day at {@code run-at} local time. Each run schedules the next from the clock, so a daylight
 * saving change or a long run never shifts it. A failed run (database down) is logged and retried the next day; what
 * it did purge stays purged.
 */
final class DailySchedule implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(DailySchedule.class.getName());
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ikkuna-retention");
        t.setDaemon(true);
        return t;
    });
    private final RetentionJob job;
    private final fi.ikkuna.cluster.OncePerCluster once;
    private final Clock clock;
    private final ZoneId zone;
    private final LocalTime runAt;

    DailySchedule(RetentionJob job, fi.ikkuna.cluster.OncePerCluster once, Clock clock, ZoneId zone, LocalTime runAt) {
        this.job = job;
        this.once = once;
        this.clock = clock;
        this.zone = zone;
        this.runAt = runAt;
        scheduleNext();
    }

    /** The first {@code runAt} strictly after {@code now}, in {@code zone}. */
    static Instant next(Instant now, ZoneId zone, LocalTime runAt) {
        ZonedDateTime today = now.atZone(zone).toLocalDate().atTime(runAt).atZone(zone);
        return today.toInstant().isAfter(now) ? today.toInstant() : today.plusDays(1).toLocalDate().atTime(runAt).atZone(zone).toInstant();
    }

    private void scheduleNext() {
        Instant now = clock.instant();
        long delay = Duration.between(now, next(now, zone, runAt)).toMillis();
        timer.schedule(this::runAndReschedule, delay, TimeUnit.MILLISECONDS);
    }

    private void runAndReschedule() {
        try {
            if (!once.mayRun()) {
                LOG.info("Retention: another node of the cluster runs it today");
                return;
            }
            RetentionJob.Report r = job.run();
            LOG.info(() -> "Retention: " + r.purged() + " conversations purged, " + r.accessLogDeleted()
                    + " access-log rows deleted in " + r.batches() + " transactions");
        } catch (RuntimeException e) {
            // Only the exception classes: a message could quote SQL parameters.
            LOG.log(Level.WARNING, "Retention run failed: " + Unavailable.summary(e));
        } finally {
            if (!timer.isShutdown()) {
                scheduleNext();
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
