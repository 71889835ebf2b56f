package fi.ikkuna.retention;

import java.time.Clock;
import java.time.ZoneId;

import fi.ikkuna.persistence.Database;
import io.helidon.config.Config;

/** The retention components built from {@code ikkuna.retention.*} (docs/data-rights.md, "Retention"). */
public final class Retention {
    private final RetentionSettings settings;
    private final RetentionJob job;
    private final LegalHolds holds;
    private final Erasure erasure;
    private final Clock clock;

    public Retention(Database db, RetentionSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.job = new RetentionJob(db, settings, clock);
        this.holds = new LegalHolds(db, clock);
        this.erasure = new Erasure(db, settings, clock);
    }

    public static Retention from(Config ikkuna, Database db, Clock clock, ZoneId zone) {
        return new Retention(db, RetentionSettings.from(ikkuna.get("retention"), zone), clock);
    }

    /**
     * Starts the daily run unless {@code enabled: false}, on the one node of the cluster that holds {@code once} when
     * it is due; close the result to stop it.
     */
    public AutoCloseable schedule(fi.ikkuna.cluster.OncePerCluster once) {
        return settings.enabled() ? new DailySchedule(job, once, clock, settings.zone(), settings.runAt()) : () -> { };
    }

    public RetentionSettings settings() { return settings; }
    public RetentionJob job() { return job; }
    public LegalHolds holds() { return holds; }
    public Erasure erasure() { return erasure; }
}
