package fi.ikkuna.insights;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Tables about waiting in queues: wait times, care-guarantee deadlines and abandoned waits (see docs/insights.md). */
final class QueueTables {
    static final List<String> STATUSES = List.of("met", "at_risk", "missed", "pending", "withdrawn");

    private final List<Contact> contacts;
    private final ZoneId zone;
    private final String queue;

    /** {@code contacts} of the whole range; {@code queue} (nullable) is applied per wait or per decisive queue. */
    QueueTables(List<Contact> contacts, ZoneId zone, String queue) {
        this.contacts = contacts;
        this.zone = zone;
        this.queue = queue;
    }

    private boolean wanted(String q) {
        return queue == null || queue.equals(q);
    }

    /** Completed waits (queued until claimed) per queue and local hour of the wait's start, then per queue in all. */
    Table waits() {
        Map<String, Map<Integer, List<Long>>> byQueue = new TreeMap<>();
        for (Contact c : contacts) {
            for (Contact.Wait w : c.waits()) {
                if ("claimed".equals(w.endedBy()) && wanted(w.queue())) {
                    byQueue.computeIfAbsent(w.queue(), k -> new TreeMap<>())
                            .computeIfAbsent(w.start().atZone(zone).getHour(), k -> new ArrayList<>()).add(w.seconds());
                }
            }
        }
        Table.Builder t = new Table.Builder("waits", "queue", "hour", "waits", "p50_seconds", "p90_seconds");
        byQueue.forEach((q, hours) -> {
            List<Long> all = new ArrayList<>();
            hours.forEach((h, s) -> {
                t.add(q, (long) h, (long) s.size(), Percentile.of(s, 50), Percentile.of(s, 90));
                all.addAll(s);
            });
            t.add(q, "all", (long) all.size(), Percentile.of(all, 50), Percentile.of(all, 90));
        });
        return t.build();
    }

    /**
     * Conversations with a deadline that waited for a person, by status at {@code now} (at risk within {@code atRisk}).
     * Emergencies are counted apart ({@code emergencies}, and the median from contact to first claim): their
     * deadline is the moment of contact, so in met/missed every one of them would be a miss.
     */
    Table deadlines(Instant now, Duration atRisk) {
        Map<String, long[]> byQueue = new TreeMap<>();
        Map<String, List<Long>> emergencyWaits = new TreeMap<>();
        for (Contact c : contacts) {
            List<Contact.Wait> waits = c.waits();
            if (c.deadline() == null || waits.isEmpty()) {
                continue;
            }
            Optional<Contact.Wait> claim = waits.stream().filter(w -> "claimed".equals(w.endedBy())).findFirst();
            String q = claim.map(Contact.Wait::queue).orElse(waits.get(waits.size() - 1).queue());
            if (!wanted(q)) {
                continue;
            }
            for (String key : List.of(q, "all")) {
                long[] n = byQueue.computeIfAbsent(key, k -> new long[STATUSES.size() + 1]);
                List<Long> e = emergencyWaits.computeIfAbsent(key, k -> new ArrayList<>());
                if (c.emergency()) {
                    n[STATUSES.size()]++;
                    claim.ifPresent(w -> e.add(w.end().getEpochSecond() - c.createdAt().getEpochSecond()));
                } else {
                    n[STATUSES.indexOf(status(c, claim, now, atRisk))]++;
                }
            }
        }
        Table.Builder t = new Table.Builder("deadlines", "queue", "met", "at_risk", "missed", "pending", "withdrawn", "met_rate",
                "emergencies", "emergency_p50_seconds");
        long[] none = new long[STATUSES.size() + 1];
        for (String q : byQueue.keySet().stream().filter(k -> !k.equals("all")).toList()) {
            row(t, q, byQueue.get(q), emergencyWaits.get(q));
        }
        return row(t, "all", byQueue.getOrDefault("all", none), emergencyWaits.getOrDefault("all", List.of())).build();
    }

    private static Table.Builder row(Table.Builder t, String queue, long[] n, List<Long> emergencyWaits) {
        return t.add(queue, n[0], n[1], n[2], n[3], n[4], Table.round(n[0], n[0] + n[2]), n[5], Percentile.of(emergencyWaits, 50));
    }

    private static String status(Contact c, Optional<Contact.Wait> claim, Instant now, Duration atRisk) {
        Instant deadline = c.deadline();
        if (claim.isPresent()) {
            return claim.get().end().isAfter(deadline) ? "missed" : "met";
        }
        Optional<Contact.Event> closed = c.closed();
        if (closed.isPresent()) {
            return closed.get().at().isAfter(deadline) ? "missed" : "withdrawn";
        }
        if (!deadline.isAfter(now)) {
            return "missed";
        }
        return deadline.isAfter(now.plus(atRisk)) ? "pending" : "at_risk";
    }

    /** Per local day and current queue: conversations that waited, those the resident left while waiting, and how long. */
    Table abandoned() {
        Map<List<String>, List<Long>> groups = new TreeMap<>(InsightsQuery.KEY_ORDER);
        Map<List<String>, long[]> counts = new TreeMap<>(InsightsQuery.KEY_ORDER);
        List<String> total = List.of("all", "all");
        for (Contact c : contacts) {
            List<Contact.Wait> waits = c.waits();
            if (waits.isEmpty() || !wanted(c.queueOrNone())) {
                continue;
            }
            Contact.Wait last = waits.get(waits.size() - 1);
            boolean abandoned = "abandoned".equals(c.outcome()) && last.end() != null;
            for (List<String> key : List.of(List.of(c.createdAt().atZone(zone).toLocalDate().toString(), c.queueOrNone()), total)) {
                long[] n = counts.computeIfAbsent(key, k -> new long[2]);
                List<Long> s = groups.computeIfAbsent(key, k -> new ArrayList<>());
                n[0]++;
                if (abandoned) {
                    n[1]++;
                    s.add(last.seconds());
                }
            }
        }
        Table.Builder t = new Table.Builder("abandoned", "day", "queue", "waited", "abandoned", "abandon_rate",
                "p50_wait_before_abandoning_seconds");
        long[] none = new long[2];
        counts.forEach((k, n) -> {
            if (!k.equals(total)) {
                t.add(k.get(0), k.get(1), n[0], n[1], Table.round(n[1], n[0]), Percentile.of(groups.get(k), 50));
            }
        });
        long[] n = counts.getOrDefault(total, none);
        return t.add("all", "all", n[0], n[1], Table.round(n[1], n[0]), Percentile.of(groups.getOrDefault(total, List.of()), 50))
                .build();
    }
}
