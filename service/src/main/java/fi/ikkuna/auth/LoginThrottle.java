package fi.ikkuna.auth;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import io.helidon.config.Config;

import fi.ikkuna.web.ErrorCode;
import fi.ikkuna.web.ProtocolException;

/**
 * Slows password guessing without letting anyone lock a colleague out. Three limits, all configurable under
 * {@code ikkuna.auth}: attempts per client address per minute (a spraying address tries many usernames),
 * failures per username <em>and</em> address before an exponential back-off (so a guesser elsewhere never blocks
 * the right password from the nurse's own machine), and attempts per second in all. Argon2 hashing runs under a
 * bounded semaphore, so a flood of attempts cannot starve the rest of the service of CPU. Windows that ended are
 * swept out, so the maps stay as small as the recent traffic.
 */
final class LoginThrottle {
    private final int perAddressPerMinute;
    private final int failuresBeforeBackoff;
    private final long backoffMillis;
    private final long maxBackoffMillis;
    private final int globalPerSecond;
    private final Semaphore hashing;
    private final LongSupplier clock;
    /** address → {tokens, last refill (ms)}: a bucket of perAddressPerMinute refilled continuously, no minute edges */
    private final Map<String, double[]> byAddress = new ConcurrentHashMap<>();
    /** username + address → {failures, blocked until (ms)} */
    private final Map<String, long[]> failures = new ConcurrentHashMap<>();
    private final AtomicLong globalSecond = new AtomicLong();
    private final AtomicLong globalCount = new AtomicLong();
    private final AtomicLong calls = new AtomicLong();

    LoginThrottle(Config auth, LongSupplier clock) {
        this.perAddressPerMinute = auth.get("login-attempts-per-minute").asInt().orElse(60);
        this.failuresBeforeBackoff = auth.get("login-failures-before-backoff").asInt().orElse(5);
        this.backoffMillis = auth.get("login-backoff-seconds").asLong().orElse(60L) * 1000;
        this.maxBackoffMillis = auth.get("login-max-backoff-seconds").asLong().orElse(900L) * 1000;
        this.globalPerSecond = auth.get("login-attempts-global-per-second").asInt().orElse(50);
        this.hashing = new Semaphore(auth.get("login-hash-concurrency").asInt().orElse(4));
        this.clock = clock;
    }

    /** Rejects the attempt (rate_limited) before any password is hashed. */
    void checkAttempt(String username, String address) {
        long now = clock.getAsLong();
        if (calls.incrementAndGet() % 256 == 0) {
            sweep(now);
        }
        long second = now / 1000;
        if (globalSecond.getAndSet(second) != second) {
            globalCount.set(0);
        }
        if (globalCount.incrementAndGet() > globalPerSecond) {
            throw new ProtocolException(ErrorCode.RATE_LIMITED, "Too many sign-in attempts right now; try again in a moment");
        }
        double[] bucket = byAddress.compute(address, (k, v) -> {
            double tokens = v == null ? perAddressPerMinute
                    : Math.min(perAddressPerMinute, v[0] + (now - (long) v[1]) * perAddressPerMinute / 60_000.0);
            return new double[] {Math.max(-perAddressPerMinute, tokens - 1), now}; // hammering extends the wait, up to a minute
        });
        if (bucket[0] < 0) {
            throw new ProtocolException(ErrorCode.RATE_LIMITED, "Too many sign-in attempts; wait a minute");
        }
        long[] f = failures.get(key(username, address));
        if (f != null && f[1] > now) {
            throw new ProtocolException(ErrorCode.RATE_LIMITED, "Too many failed sign-ins; wait "
                    + Math.max(1, (f[1] - now + 999) / 1000) + " s");
        }
    }

    /** Runs the password check with at most the configured number of hashes at once. */
    <T> T hashing(java.util.function.Supplier<T> check) {
        try {
            if (!hashing.tryAcquire(5, TimeUnit.SECONDS)) {
                throw new ProtocolException(ErrorCode.RATE_LIMITED, "Sign-in is busy; try again in a moment");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProtocolException(ErrorCode.RATE_LIMITED, "Sign-in is busy; try again in a moment");
        }
        try {
            return check.get();
        } finally {
            hashing.release();
        }
    }

    void failed(String username, String address) {
        long now = clock.getAsLong();
        failures.compute(key(username, address), (k, v) -> {
            long n = (v == null ? 0 : v[0]) + 1;
            long until = 0;
            if (n >= failuresBeforeBackoff) {
                long steps = Math.min(20, n - failuresBeforeBackoff);
                until = now + Math.min(maxBackoffMillis, backoffMillis << steps);
            }
            return new long[] {n, until};
        });
    }

    void succeeded(String username, String address) {
        failures.remove(key(username, address));
    }

    private void sweep(long now) {
        byAddress.values().removeIf(v -> now - (long) v[1] > 60_000); // full again: nothing to remember
        // a pair whose back-off ended long ago starts afresh; one still counting failures stays for its window
        failures.values().removeIf(v -> v[1] != 0 && v[1] + maxBackoffMillis < now);
    }

    private static String key(String username, String address) {
        return username.toLowerCase(java.util.Locale.ROOT) + "\u0000" + address;
    }
}
