package fi.ikkuna.widget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.ikkuna.support.CountyRules;
import fi.ikkuna.support.Pro;
import fi.ikkuna.support.Resident;
import fi.ikkuna.support.ServiceTest;
import fi.ikkuna.support.WsTestClient;
import fi.ikkuna.web.Json;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Issue 14.2 over HTTP and real WebSockets: the widget's status and the residents' queue frames follow who can answer.
 * The county's core rules (every contact to "general") with every queue open around the clock, so the result never
 * depends on when the suite runs; one variant closes "general" (the hours themselves: StaffingTest).
 */
class WidgetStaffingTest {

    /** Consoles of people who answer no resident do not open the chat; a professional of the queue does. */
    @Nested
    class AlwaysOpen extends ServiceTest {
        @Override
        protected Map<String, String> config() {
            return Map.of("ikkuna.widget.when-nobody-online", "contact-request", "ikkuna.rules.dir", rules(null).toString());
        }

        @Test
        void onlyAProfessionalOfTheQueueStaffsIt() throws Exception {
            assertFalse(status(server.http("/widget/status")).path("open").asBoolean(), "nobody online");
            List<WsTestClient> others = List.of(Pro.login(server, "admin", "admin-demo").connect(),
                    Pro.login(server, "saannot", "saannot-demo").connect(), Pro.login(server, "johtaja", "johtaja-demo").connect());
            assertFalse(status(server.http("/widget/status")).path("open").asBoolean(), "administrator, rules editor, manager");

            WsTestClient social = Pro.login(server, "sosiaali", "sosiaali-demo").connect();
            ObjectNode s = status(server.http("/widget/status"));
            assertTrue(s.path("open").asBoolean(), s.toString());
            assertFalse(s.path("services").toString().contains("general"), "social work does not serve general: " + s);

            try (Resident r = Resident.start(server, "fi")) {
                r.say("Kysymys yleisestä asiasta");
                ObjectNode q = r.ws.await("queue");
                assertFalse(q.path("staffed").asBoolean(), "nobody of 'general' is online: " + q);
                assertTrue(q.path("estimatedWaitSeconds").isNull(), "no promise of a wait: " + q);

                WsTestClient adviser = Pro.login(server, "pelastus", "pelastus-demo").connect();
                ObjectNode staffed = r.ws.await("queue", f -> f.path("staffed").asBoolean());
                assertTrue(staffed.path("estimatedWaitSeconds").asLong() > 0, staffed.toString());
                assertTrue(status(server.http("/widget/status")).path("services").toString().contains("general"));

                adviser.closeNormally();
                r.ws.await("queue", f -> !f.path("staffed").asBoolean());
            }
            social.closeNormally();
            for (WsTestClient c : others) {
                c.closeNormally();
            }
            assertFalse(status(server.http("/widget/status")).path("open").asBoolean(), "everyone left");
        }
    }

    /** Outside a queue's hours its professional online does not staff it. */
    @Nested
    class GeneralClosed extends ServiceTest {
        @Override
        protected Map<String, String> config() {
            return Map.of("ikkuna.widget.when-nobody-online", "contact-request", "ikkuna.rules.dir", rules("general").toString());
        }

        @Test
        void aClosedQueueIsUnstaffedWhoeverIsOnline() throws Exception {
            try (WsTestClient adviser = Pro.login(server, "pelastus", "pelastus-demo").connect();
                 Resident r = Resident.start(server, "fi")) {
                ObjectNode s = status(server.http("/widget/status"));
                assertEquals("[\"rescue\"]", s.path("services").toString(), s.toString());
                r.say("Kysymys yleisestä asiasta");
                assertFalse(r.ws.await("queue").path("staffed").asBoolean());
                adviser.closeNormally();
            }
        }
    }

    static ObjectNode status(java.net.URI uri) throws Exception {
        HttpResponse<String> res = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals("no-store", res.headers().firstValue("cache-control").orElse(""));
        return Json.parseObject(res.body());
    }

    /** The core rules with every queue open around the clock, holidays too, except {@code closed} (never open). */
    static Path rules(String closed) {
        try {
            Path dir = Files.createTempDirectory("ikkuna-staffing-rules");
            for (String f : List.of("settings.yaml", "deadlines.yaml", "console.yaml")) {
                Files.copy(CountyRules.coreOnly().resolve(f), dir.resolve(f));
            }
            String[] current = {null};
            String queues = Files.readAllLines(CountyRules.coreOnly().resolve("queues.yaml")).stream()
                    .filter(l -> !l.startsWith("    holidays:") && !l.startsWith("    exceptions:"))
                    .map(l -> {
                        if (l.startsWith("  - id: ")) {
                            current[0] = l.substring(8).trim();
                        }
                        if (!l.startsWith("    hours:")) {
                            return l;
                        }
                        return current[0].equals(closed) ? "    hours: {mon-sun: closed}"
                                : "    hours: {mon-sun: \"00:00-24:00\"}\n    holidays: \"00:00-24:00\"";
                    }).collect(Collectors.joining("\n"));
            Files.writeString(dir.resolve("queues.yaml"), queues + "\n");
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
