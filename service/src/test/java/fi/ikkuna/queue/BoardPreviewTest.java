package fi.ikkuna.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.ikkuna.support.Pro;
import fi.ikkuna.support.Resident;
import fi.ikkuna.support.ServiceTest;
import fi.ikkuna.support.WsTestClient;
import fi.ikkuna.web.Json;
import org.junit.jupiter.api.Test;

/**
 * Issue 14.8 and docs/audit.md A3: the board shows the de-identified start of the resident's first message, and
 * nothing more; every professional whose console receives it gets one {@code board_preview} access-log row; the
 * preview is in no log record. The preview length is configured down to 80 here.
 */
class BoardPreviewTest extends ServiceTest {
    private static final String FIRST = "Minulla on ollut kuumetta ja yskää viikon ajan. Nimeni on Matti Virtanen, hetu 010190-123A, "
            + "puhelin 040 123 4567, osoite Koivukuja 3 as 4. Toivon että hoitaja soittaa.";
    private static final List<String> IDENTIFIERS = List.of("Matti", "Virtanen", "010190", "123A", "040", "4567", "Koivukuja");

    @Override
    protected Map<String, String> config() {
        return Map.of("ikkuna.queue.preview-chars", "80");
    }

    /** Every log record published while the test runs, with the service's own loggers at their most verbose. */
    private static final class Capture extends Handler implements AutoCloseable {
        private final List<String> records = new ArrayList<>();
        private final Logger service = Logger.getLogger("fi.ikkuna");
        private final Level before = service.getLevel();

        Capture() {
            setLevel(Level.ALL);
            service.setLevel(Level.ALL);
            Logger.getLogger("").addHandler(this);
        }

        @Override
        public synchronized void publish(LogRecord r) {
            records.add(r.getLoggerName() + " " + r.getMessage() + " " + java.util.Arrays.toString(r.getParameters())
                    + (r.getThrown() == null ? "" : " " + r.getThrown()));
        }

        synchronized String all() {
            return String.join("\n", records);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            Logger.getLogger("").removeHandler(this);
            service.setLevel(before);
        }
    }

    private static JsonNode item(ObjectNode snapshot, String id) {
        return StreamSupport.stream(snapshot.path("items").spliterator(), false)
                .filter(i -> id.equals(i.path("id").asText())).findFirst().orElse(null);
    }

    private static void queue(Resident r, String text) {
        r.say(text);
        if (r.ws.await("triage").path("answered").asBoolean()) {
            r.ws.send(Json.object().put("type", "faq_feedback").put("helpful", false));
        }
    }

    @Test
    void theBoardShowsTheDeidentifiedStartOfTheFirstMessageAndLogsWhoSawIt() {
        Pro nurse = Pro.login(server, "hoitaja", "hoitaja-demo");
        Pro social = Pro.login(server, "sosiaali", "sosiaali-demo");
        Pro admin = Pro.login(server, "admin", "admin-demo");
        try (Capture logs = new Capture(); WsTestClient board = nurse.connect(); WsTestClient other = social.connect();
             Resident r = Resident.start(server, "fi"); Resident next = Resident.start(server, "fi")) {
            queue(r, FIRST);
            String preview = item(board.await("queue_snapshot", s -> item(s, r.conversationId) != null), r.conversationId)
                    .path("preview").asText();
            assertTrue(preview.startsWith("Minulla on ollut kuumetta ja yskää viikon ajan. Nimeni on [nimi]"), preview);
            assertTrue(preview.length() <= 80 && preview.endsWith("…"), "cut to ikkuna.queue.preview-chars: " + preview);
            IDENTIFIERS.forEach(x -> assertFalse(preview.contains(x), x + " in " + preview));

            // Later messages stay out of it; another arrival republishes the board without a second row.
            r.say("Kuume nousi nyt 39 asteeseen");
            queue(next, "Minulla on ollut kuumetta ja yskää, haluaisin että hoitaja arvioi tilanteen");
            ObjectNode both = board.await("queue_snapshot", s -> item(s, r.conversationId) != null && item(s, next.conversationId) != null);
            assertEquals(preview, item(both, r.conversationId).path("preview").asText());
            assertFalse(other.all("queue_snapshot").stream().anyMatch(s -> item(s, r.conversationId) != null), "other queues' boards");

            JsonNode log = Json.parseObject(admin.get("/api/audit/conversations/" + r.conversationId).body()).path("entries");
            List<JsonNode> seen = StreamSupport.stream(log.spliterator(), false)
                    .filter(e -> BoardViews.ACTION.equals(e.path("action").asText())).toList();
            assertEquals(1, seen.size(), "one row for the nurse, none for the social worker: " + log);
            assertEquals(nurse.id(), seen.get(0).path("professionalId").asText());
            assertEquals("care", seen.get(0).path("purpose").asText());
            JsonNode byNurse = Json.parseObject(admin.get("/api/audit/professionals/hoitaja").body()).path("entries");
            assertTrue(byNurse.findValuesAsText("conversationId").contains(next.conversationId), "what she saw, by her name");

            String written = logs.all();
            assertFalse(written.contains(preview) || written.contains("kuumetta") || written.contains("Virtanen"),
                    "the preview and the message stay out of the logs");
        }
    }

    @Test
    void aPreviewEndsAtAWordAndKeepsShortTextWhole() {
        assertEquals("Lyhyt viesti", BoardPreviews.cut("Lyhyt viesti", 20));
        assertEquals("Kuumetta ja…", BoardPreviews.cut("Kuumetta ja yskää viikon", 15));
        String word = "a".repeat(30);
        assertEquals("a".repeat(9) + "…", BoardPreviews.cut(word, 10));
        assertEquals("😀😀…", BoardPreviews.cut("😀".repeat(10), 6), "no half of a character");
    }
}
