package fi.ikkuna.queue;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import fi.ikkuna.audit.AccessLogEntry;
import fi.ikkuna.persistence.Database;

/**
 * Reading a preview is an access (docs/audit.md A3): before a board snapshot carries a contact's preview to a
 * professional for the first time, one {@code board_preview} row for her and the conversation is written, in one
 * transaction for everyone the snapshot goes to. Once while she has a console open: the board is republished many
 * times a minute, and several tabs are still one reader; after her last console closed, the next one logs again.
 * If the rows cannot be written the snapshot goes without previews.
 */
final class BoardViews {
    static final String ACTION = "board_preview";
    private static final String PURPOSE = "care";
    private final Database db;
    private final Clock clock;
    private final Map<String, Set<String>> logged = new ConcurrentHashMap<>();

    BoardViews(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Her last console left. */
    void forget(String professionalId) {
        logged.remove(professionalId);
    }

    /**
     * Logs the previews in {@code shown} that these professionals have not had yet; false when the rows could not be
     * written, so nobody may get the previews of this snapshot. Serialised so two snapshots never log one view twice.
     */
    synchronized boolean accessPreviews(Collection<String> professionals, Collection<String> shown) {
        Map<String, List<String>> fresh = new HashMap<>();
        for (String professionalId : new HashSet<>(professionals)) {
            Set<String> seen = seen(professionalId);
            List<String> ids = shown.stream().filter(id -> !seen.contains(id)).toList();
            if (!ids.isEmpty()) {
                fresh.put(professionalId, ids);
            }
        }
        if (fresh.isEmpty()) {
            return true;
        }
        Instant now = clock.instant();
        try {
            db.tx(em -> {
                fresh.forEach((professionalId, ids) -> ids.forEach(id -> em.persist(new AccessLogEntry(professionalId, id, ACTION, PURPOSE, now))));
                return null;
            });
        } catch (RuntimeException e) {
            return false;
        }
        fresh.forEach((professionalId, ids) -> seen(professionalId).addAll(ids));
        return true;
    }

    private Set<String> seen(String professionalId) {
        return logged.computeIfAbsent(professionalId, k -> ConcurrentHashMap.newKeySet());
    }
}
