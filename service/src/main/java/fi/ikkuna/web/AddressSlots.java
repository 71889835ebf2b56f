package fi.ikkuna.web;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Open connections per client address, at most {@code limit} each. The map holds only addresses with an open
 * connection: the last release removes the entry, so it cannot grow with the number of addresses ever seen.
 * The address is the TCP peer; behind a reverse proxy every client shares it, so raise the limit there.
 */
final class AddressSlots {
    private final int limit;
    private final ConcurrentHashMap<String, AtomicInteger> open = new ConcurrentHashMap<>();

    AddressSlots(int limit) {
        this.limit = limit;
    }

    boolean tryAcquire(String address) {
        boolean[] granted = {false};
        open.compute(address, (k, n) -> {
            AtomicInteger count = n == null ? new AtomicInteger() : n;
            if (count.get() < limit) {
                count.incrementAndGet();
                granted[0] = true;
            }
            return count.get() == 0 ? null : count;
        });
        return granted[0];
    }

    void release(String address) {
        open.computeIfPresent(address, (k, n) -> n.decrementAndGet() <= 0 ? null : n);
    }
}
