package fi.ikkuna.queue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import fi.ikkuna.conversation.ConversationView;
import fi.ikkuna.conversation.QueueQueries;
import fi.ikkuna.persistence.Database;
import fi.ikkuna.privacy.Deidentifier;

/**
 * What the board may show of a waiting contact's own words (docs/audit.md A3): the resident's first message, the one
 * the pipeline triaged (safety screen first), de-identified as a whole in its language ({@code privacy.Deidentifier}),
 * on one line and cut at a word to at most {@code maxChars}. Nothing else: no later message, bot reply or note.
 *
 * <p>Scrubbing costs Voikko lookups and a board is republished often, so a preview is made once when its contact first
 * reaches a board and kept only while it is on one (per queue, replaced by every snapshot). It is never stored or logged;
 * whoever receives it is in the access log ({@link BoardViews}).
 */
final class BoardPreviews {
    private static final String MORE = "…";
    private final Database db;
    private final Deidentifier deidentifier;
    private final int maxChars;
    private final Map<String, Map<String, String>> byQueue = new ConcurrentHashMap<>();

    BoardPreviews(Database db, Deidentifier deidentifier, int maxChars) {
        this.db = db;
        this.deidentifier = deidentifier;
        this.maxChars = maxChars;
    }

    /** False when previews are switched off ({@code ikkuna.queue.preview-chars: 0}): the board then shows no text at all. */
    boolean enabled() {
        return maxChars > 0;
    }

    /** Preview by conversation id for the contacts {@code shown} on the board of {@code queueId} (null: no message). */
    Map<String, String> of(String queueId, List<ConversationView> shown) {
        if (!enabled()) {
            return Map.of();
        }
        Map<String, String> known = byQueue.getOrDefault(queueId, Map.of());
        List<String> missing = shown.stream().map(ConversationView::id).filter(id -> !known.containsKey(id)).toList();
        Map<String, String> firsts = missing.isEmpty() ? Map.of() : db.read(em -> QueueQueries.firstResidentMessages(em, missing));
        Map<String, String> now = new HashMap<>();
        for (ConversationView v : shown) {
            now.put(v.id(), known.containsKey(v.id()) ? known.get(v.id()) : preview(firsts.get(v.id()), v.language()));
        }
        byQueue.put(queueId, now);
        return now;
    }

    /** Scrubbed before it is cut, so an identifier across the cut is still recognised whole. */
    String preview(String text, String language) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return cut(deidentifier.scrub(text, language).replaceAll("\\s+", " ").strip(), maxChars);
    }

    /** At most {@code max} characters with the ellipsis, ending at a word when one ends in the second half. */
    static String cut(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int end = s.lastIndexOf(' ', max - MORE.length());
        if (end < max / 2) {
            end = max - MORE.length();
            if (Character.isHighSurrogate(s.charAt(end - 1))) {
                end--;
            }
        }
        return s.substring(0, end).stripTrailing() + MORE;
    }
}
