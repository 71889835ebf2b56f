package fi.ikkuna.insights;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Tables counted per conversation: contacts, FAQ self-service and ratings (see docs/insights.md). */
final class ContactTables {
    private final List<Contact> contacts;
    private final ZoneId zone;

    /** {@code contacts} already narrowed to the queue filter (the conversation's current queue). */
    ContactTables(List<Contact> contacts, ZoneId zone) {
        this.contacts = contacts;
        this.zone = zone;
    }

    private String day(Contact c) {
        return c.createdAt().atZone(zone).toLocalDate().toString();
    }

    Table contacts() {
        Map<List<String>, Long> counts = new TreeMap<>(InsightsQuery.KEY_ORDER);
        contacts.forEach(c -> counts.merge(List.of(day(c), c.channel(), c.serviceOrNone()), 1L, Long::sum));
        Table.Builder t = new Table.Builder("contacts", "day", "channel", "service", "contacts");
        counts.forEach((k, n) -> t.add(k.get(0), k.get(1), k.get(2), n));
        return t.build();
    }

    /** Per day: FAQ answers given, and whether each was marked helpful, handed to a person, or left without either. */
    Table faq() {
        Map<String, long[]> days = new TreeMap<>();
        long[] all = new long[4];
        for (Contact c : contacts) {
            Optional<Contact.Event> answer = c.first("self_served");
            if (answer.isEmpty()) {
                continue;
            }
            int result;
            if (c.first("faq_helpful").isPresent()) {
                result = 1;
            } else if (c.events().stream().anyMatch(e -> e.entersQueue() && !e.at().isBefore(answer.get().at()))) {
                result = 2;
            } else {
                result = 3;
            }
            for (long[] n : List.of(days.computeIfAbsent(day(c), k -> new long[4]), all)) {
                n[0]++;
                n[result]++;
            }
        }
        Table.Builder t = new Table.Builder("faq", "day", "answered", "helpful", "handed_to_person", "no_feedback",
                "self_service_rate");
        days.forEach((d, n) -> t.add(d, n[0], n[1], n[2], n[3], Table.round(n[1], n[1] + n[2])));
        return t.add("all", all[0], all[1], all[2], all[3], Table.round(all[1], all[1] + all[2])).build();
    }

    /** Per current queue and in all: ratings given, their mean and the count of each score 1–5. */
    Table ratings() {
        Map<String, long[]> queues = new TreeMap<>();
        long[] all = new long[7];
        for (Contact c : contacts) {
            if (c.rating() == null || c.rating() < 1 || c.rating() > 5) {
                continue;
            }
            for (long[] n : List.of(queues.computeIfAbsent(c.queueOrNone(), k -> new long[7]), all)) {
                n[0]++;
                n[1] += c.rating();
                n[1 + c.rating()]++;
            }
        }
        Table.Builder t = new Table.Builder("ratings", "queue", "ratings", "mean", "score_1", "score_2", "score_3", "score_4",
                "score_5");
        queues.forEach((q, n) -> t.add(q, n[0], Table.round(n[1], n[0]), n[2], n[3], n[4], n[5], n[6]));
        return t.add("all", all[0], Table.round(all[1], all[0]), all[2], all[3], all[4], all[5], all[6]).build();
    }
}
