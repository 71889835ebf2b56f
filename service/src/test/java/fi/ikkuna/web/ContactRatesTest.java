package fi.ikkuna.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.ikkuna.form.Api;
import fi.ikkuna.support.Backend;
import fi.ikkuna.support.Frames;
import fi.ikkuna.support.Resident;
import fi.ikkuna.support.TestServer;
import fi.ikkuna.support.WsTestClient;
import org.junit.jupiter.api.Test;

/** Issue 13.2: new contacts per address are bounded across channels; resuming is never limited. */
class ContactRatesTest {

    @Test
    void budgetIsPerAddressAndRefillsOverTime() {
        AtomicLong now = new AtomicLong(1_000_000);
        ContactRates rates = new ContactRates(60, 3, now::get); // one a minute, three at once
        for (int i = 0; i < 3; i++) {
            rates.checkNewContact("10.0.0.1");
        }
        ProtocolException e = assertThrows(ProtocolException.class, () -> rates.checkNewContact("10.0.0.1"));
        assertEquals(ErrorCode.RATE_LIMITED, e.code());
        rates.checkNewContact("10.0.0.2"); // another address has its own budget
        now.addAndGet(59_000);
        assertThrows(ProtocolException.class, () -> rates.checkNewContact("10.0.0.1"));
        now.addAndGet(1_000);
        rates.checkNewContact("10.0.0.1"); // a minute later one more
    }

    @Test
    void addressesWhoseBudgetRefilledAreForgotten() {
        AtomicLong now = new AtomicLong(0);
        ContactRates rates = new ContactRates(3600, 2, now::get); // one a second
        for (int i = 0; i < 1000; i++) {
            rates.checkNewContact("10.1." + (i / 250) + "." + (i % 250));
        }
        now.addAndGet(10_000); // everyone's bucket is full again
        for (int i = 0; i < 1100; i++) {
            rates.checkNewContact("10.2." + (i / 250) + "." + (i % 250));
        }
        assertTrue(rates.tracked() <= 1100, "map kept " + rates.tracked() + " addresses");
    }

    @Test
    void chatsFormsAndAppointmentRequestsShareTheBudgetAndResumingIsFree() throws Exception {
        try (Backend db = Backend.h2(); TestServer server = new TestServer(db, Map.of(
                "ikkuna.connections.contacts-per-address-burst", "2",
                "ikkuna.connections.contacts-per-address-per-hour", "1"))) {
            Resident first = Resident.start(server, "fi");
            Api resident = Api.resident(server);
            ObjectNode form = Json.object().put("language", "sv");
            form.set("values", Json.MAPPER.valueToTree(Map.of("kind", "idea", "message", "Kvällstider vore bra.", "consent", true)));
            assertEquals(201, resident.post("/api/forms/feedback/submissions", form).status());
            // the budget of two is spent: a third contact by any channel is refused and creates nothing
            Api.Res refused = resident.post("/api/forms/feedback/submissions", form);
            assertEquals(429, refused.status(), refused.raw());
            assertEquals("rate_limited", refused.errorCode());
            try (WsTestClient ws = WsTestClient.connect(server.ws("/ws/resident"))) {
                ws.send(Frames.hello("fi"));
                assertEquals("rate_limited", ws.await("error").path("code").asText());
            }
            Api.Res appointment = resident.post("/api/appointments/requests", Json.object().put("language", "fi")
                    .put("type", "phone").put("text", "Haluaisin soittoajan ihottuman takia"));
            assertEquals(429, appointment.status(), appointment.raw());
            assertEquals("rate_limited", appointment.errorCode());
            // the resident who already has a conversation resumes it and writes in it
            first.close();
            try (WsTestClient ws = WsTestClient.connect(server.ws("/ws/resident"))) {
                ws.send(Frames.hello("fi").put("resumeToken", first.resumeToken));
                assertEquals(first.conversationId, ws.await("welcome").path("conversationId").asText());
            }
        }
    }
}
