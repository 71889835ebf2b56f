package fi.ikkuna.retention;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;

import io.helidon.config.Config;

/**
 * {@code ikkuna.retention.*}: how long each kind of conversation is kept, how long erasure on request is refused
 * (the statutory minimum), the access log's own period, and when and in what batches the daily job runs.
 * Periods are ISO-8601 ({@code P3M}, {@code P2Y}) counted in the county's zone from the conversation's end.
 */
public record RetentionSettings(boolean enabled, LocalTime runAt, int batchSize, int accessLogYears,
                                Map<RetentionKind, Policy> policies, ZoneId zone) {

    /** {@code keep}: purged this long after the end; {@code minimum}: erasure on request refused before this. */
    public record Policy(Period keep, Period minimum) {
    }

    private static final Map<RetentionKind, Policy> DEFAULTS = Map.of(
            RetentionKind.FAQ, new Policy(Period.ofMonths(3), Period.ZERO),
            RetentionKind.ANONYMOUS, new Policy(Period.ofMonths(6), Period.ZERO),
            RetentionKind.HANDLED, new Policy(Period.ofYears(3), Period.ofYears(2)),
            RetentionKind.EMERGENCY, new Policy(Period.ofYears(5), Period.ofYears(2)),
            RetentionKind.FORM, new Policy(Period.ofYears(3), Period.ofYears(2)),
            RetentionKind.APPOINTMENT, new Policy(Period.ofYears(3), Period.ofYears(2)));

    public RetentionSettings {
        if (batchSize < 1) {
            throw new IllegalStateException("ikkuna.retention.batch-size must be at least 1");
        }
        if (accessLogYears < 1) {
            throw new IllegalStateException("ikkuna.retention.access-log-years must be at least 1");
        }
        LocalDate probe = LocalDate.of(2000, 1, 1);
        for (RetentionKind k : RetentionKind.values()) {
            Policy p = policies.get(k);
            if (p == null || p.keep().isNegative() || p.minimum().isNegative()) {
                throw new IllegalStateException("ikkuna.retention.kinds." + k.wire() + " needs keep and minimum >= 0");
            }
            // A minimum longer than the period would make the job purge what erasure must refuse to touch.
            if (probe.plus(p.minimum()).isAfter(probe.plus(p.keep()))) {
                throw new IllegalStateException("ikkuna.retention.kinds." + k.wire() + ".minimum is longer than keep");
            }
        }
        policies = Map.copyOf(policies);
    }

    public static RetentionSettings from(Config retention, ZoneId zone) {
        Map<RetentionKind, Policy> policies = new EnumMap<>(RetentionKind.class);
        for (RetentionKind k : RetentionKind.values()) {
            Config c = retention.get("kinds." + k.wire());
            Policy d = DEFAULTS.get(k);
            policies.put(k, new Policy(c.get("keep").asString().map(Period::parse).orElse(d.keep()),
                    c.get("minimum").asString().map(Period::parse).orElse(d.minimum())));
        }
        return new RetentionSettings(retention.get("enabled").asBoolean().orElse(true),
                LocalTime.parse(retention.get("run-at").asString().orElse("03:30")),
                retention.get("batch-size").asInt().orElse(200),
                retention.get("access-log-years").asInt().orElse(12), policies, zone);
    }

    /** The first instant at which a conversation of {@code kind} that ended at {@code end} is past retention. */
    Instant purgeAt(RetentionKind kind, Instant end) {
        return end.atZone(zone).plus(policies.get(kind).keep()).toInstant();
    }

    /** The first instant at which erasure on request is allowed. */
    Instant erasableAt(RetentionKind kind, Instant end) {
        return end.atZone(zone).plus(policies.get(kind).minimum()).toInstant();
    }

    /** Access-log rows written at or before this are past their own period at {@code now}. */
    Instant accessLogCutoff(Instant now) {
        return now.atZone(zone).minusYears(accessLogYears).toInstant();
    }

    /**
     * No conversation created after this can be due at {@code now}: the shortest period bounds the scan. A week of
     * margin covers month arithmetic (31 January + 1 month = 28 February) and daylight saving; the exact test is
     * {@link #purgeAt}.
     */
    Instant scanBound(Instant now) {
        Instant latest = null;
        for (Policy p : policies.values()) {
            Instant t = now.atZone(zone).minus(p.keep()).toInstant();
            latest = latest == null || t.isAfter(latest) ? t : latest;
        }
        return latest.plus(java.time.Duration.ofDays(7));
    }
}
