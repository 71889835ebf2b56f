package fi.ikkuna.insights;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import fi.ikkuna.web.ErrorCode;
import fi.ikkuna.web.ProtocolException;

/**
 * The filters of one insights request: local dates {@code from}..{@code to} (both inclusive) and an optional
 * queue. The {@code check*} methods are the only place request parameters are rejected.
 */
record InsightsQuery(LocalDate from, LocalDate to, String queue) {
    static final List<String> TABLES = List.of("contacts", "faq", "waits", "deadlines", "abandoned", "ratings", "corrections");
    static final int DEFAULT_DAYS = 30;
    /** Orders composite keys element by element, so tables come out sorted by day, then queue, then the rest. */
    static final Comparator<List<String>> KEY_ORDER = (a, b) -> {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    };

    /** First instant of {@code from} in the county's zone. */
    Instant start(ZoneId zone) {
        return from.atStartOfDay(zone).toInstant();
    }

    /** First instant after {@code to} in the county's zone (exclusive end). */
    Instant end(ZoneId zone) {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    static InsightsQuery checkQuery(Optional<String> from, Optional<String> to, Optional<String> queue, LocalDate today,
                                    int maxDays, Set<String> queues) {
        LocalDate end = to.isPresent() ? checkDate(to.get(), "to") : today;
        LocalDate start = from.isPresent() ? checkDate(from.get(), "from") : end.minusDays(DEFAULT_DAYS - 1);
        if (start.isAfter(end)) {
            throw new ProtocolException(ErrorCode.INVALID_FIELD, "'from' must not be after 'to'", "from");
        }
        if (ChronoUnit.DAYS.between(start, end) + 1 > maxDays) {
            throw new ProtocolException(ErrorCode.INVALID_FIELD, "The range may span at most " + maxDays + " days", "to");
        }
        return new InsightsQuery(start, end, checkQueue(queue, queues));
    }

    static LocalDate checkDate(String value, String field) {
        if (!value.matches("\\d{4}-\\d{2}-\\d{2}")) {
            throw new ProtocolException(ErrorCode.INVALID_FIELD, "'" + field + "' must be a date YYYY-MM-DD", field);
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new ProtocolException(ErrorCode.INVALID_FIELD, "'" + field + "' is not a calendar date", field);
        }
    }

    /** Empty means all queues; otherwise one of the stored queues (ones removed from the rules still count: history). */
    static String checkQueue(Optional<String> queue, Set<String> queues) {
        if (queue.isEmpty() || queue.get().isEmpty()) {
            return null;
        }
        if (!queues.contains(queue.get())) {
            throw new ProtocolException(ErrorCode.INVALID_FIELD, "Unknown queue", "queue");
        }
        return queue.get();
    }

    static String checkTable(String table) {
        if (!TABLES.contains(table)) {
            throw new ProtocolException(ErrorCode.NOT_FOUND, "No such table; one of " + TABLES);
        }
        return table;
    }

    static boolean checkCsv(Optional<String> format) {
        String f = format.orElse("json");
        if (!f.equals("json") && !f.equals("csv")) {
            throw new ProtocolException(ErrorCode.INVALID_FIELD, "'format' must be json or csv", "format");
        }
        return f.equals("csv");
    }
}
