package fi.ikkuna.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import io.helidon.config.Config;


/**
 * New contacts (chats, forms, appointment requests: every channel starts the same process, so they share one
 * budget) per client address: a bucket of {@code contacts-per-address-burst} refilled at
 * {@code contacts-per-address-per-hour}. Resuming a conversation and writing in it are not new contacts. Buckets
 * that filled up again are swept, so the map holds only addresses active in the last refill period.
 */
public final class ContactRates {
    private final double perMilli;
    private final double burst;
    private final LongSupplier clock;
    /** address → {tokens, last refill (ms)} */
    private final Map<String, double[]> buckets = new ConcurrentHashMap<>();
    private final AtomicLong calls = new AtomicLong();

    ContactRates(double perHour, double burst, LongSupplier clock) {
        this.perMilli = perHour / 3_600_000.0;
        this.burst = burst;
        this.clock = clock;
    }

    public static ContactRates from(Config connections) {
        return new ContactRates(connections.get("contacts-per-address-per-hour").asDouble().orElse(60.0),
                connections.get("contacts-per-address-burst").asDouble().orElse(20.0), System::currentTimeMillis);
    }

    /** Takes one new contact from the address's budget; rejects with {@code rate_limited} when it is spent. */
    public void checkNewContact(String address) {
        long now = clock.getAsLong();
        if (calls.incrementAndGet() % 1024 == 0) {
            buckets.entrySet().removeIf(e -> refilled(e.getValue(), now) >= burst);
        }
        boolean[] granted = {false};
        buckets.compute(address, (k, b) -> {
            double tokens = b == null ? burst : refilled(b, now);
            granted[0] = tokens >= 1;
            return new double[] {granted[0] ? tokens - 1 : tokens, now};
        });
        if (!granted[0]) {
            throw new ProtocolException(ErrorCode.RATE_LIMITED,
                    "Too many new contacts from this network right now; try again later or call the service");
        }
    }

    /** Gives back a contact that was taken but never started (the database was away): a retry must not spend it again. */
    public void refund(String address) {
        long now = clock.getAsLong();
        buckets.computeIfPresent(address, (k, b) -> new double[] {Math.min(burst, refilled(b, now) + 1), now});
    }

    private double refilled(double[] bucket, long now) {
        return Math.min(burst, bucket[0] + (now - (long) bucket[1]) * perMilli);
    }

    int tracked() {
        return buckets.size();
    }
}
