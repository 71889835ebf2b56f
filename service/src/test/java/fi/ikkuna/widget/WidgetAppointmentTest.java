package fi.ikkuna.widget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import fi.ikkuna.form.Api;
import fi.ikkuna.support.Pro;
import fi.ikkuna.web.Json;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Issue 6 in the resident's browser: a remote-appointment request from the widget, booked, viewed and cancelled. */
class WidgetAppointmentTest extends BrowserTestBase {
    private static final String KNEE = "Haluaisin etävastaanottoajan lääkärille, polvi on ollut kipeä jo kuukauden";
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Helsinki"));

    private Api nurse() {
        return Api.as(Pro.login(server, "hoitaja", "hoitaja-demo"));
    }

    private void startRequest(String text, String type) {
        widget.demo("fi").open();
        widget.byId("mode-appt").click();
        widget.waitVisible("appt-form");
        widget.browser.until(d -> "appt-title".equals(widget.js("return document.activeElement.id")));
        widget.byId("a-text").sendKeys(text);
        if (type != null) {
            widget.driver.findElement(By.cssSelector("input[name=atype][value=" + type + "]")).click();
        }
        widget.byId("a-find").click();
    }

    /** Publish (REST, as the nurse) → request → choose the slot inside the deadline → phone → code → link → cancel → free. */
    @Test
    void residentBooksViewsAndCancels() {
        Api nurse = nurse();
        LocalDate day = TODAY.plusDays(2);
        Api.Res published = nurse.post("/api/availability/slots", Json.object().put("queue", "health").put("type", "phone")
                .put("start", day + "T10:00").put("minutes", 20));
        assertEquals(201, published.status(), published.raw());
        String slotId = published.body().path("id").asText();
        Map<String, String> axe = new LinkedHashMap<>();

        startRequest(KNEE, "phone");
        WebElement choice = widget.browser.until(d -> d.findElements(By.cssSelector("input[name=slot][value='" + slotId + "']"))
                .stream().findFirst().orElse(null));
        String label = widget.driver.findElement(By.cssSelector("label[for='" + choice.getDomAttribute("id") + "']")).getText();
        assertTrue(label.contains("Puhelu") && label.contains("Hanna Virtanen") && label.contains("hoitotakuun ajassa"), label);
        assertTrue(label.contains("10.00–10.20"), "the county's local time whatever the browser's zone: " + label);
        widget.waitText("appt-status", "vapaata aikaa");
        axe.put("slots", browser.axeViolations());

        choice.click();
        widget.waitVisible("a-phone");
        widget.byId("a-book").click();
        widget.waitText("a-phone-error", "Täytä");
        assertEquals("true", widget.byId("a-phone").getDomAttribute("aria-invalid"));
        assertTrue(widget.byId("a-phone").getDomAttribute("aria-describedby").contains("a-phone-error"));
        axe.put("phone error", browser.axeViolations());
        widget.byId("a-phone").sendKeys("040 765 4321");
        widget.byId("a-book").click();
        widget.waitVisible("appt-done");
        String code = widget.byId("appt-code").getText();
        assertTrue(code.matches("[A-Z0-9]{4}-[A-Z0-9]{4}"), code);
        widget.waitText("appt-status", code);
        axe.put("booked", browser.axeViolations());

        JsonNode appointments = nurse.get("/api/appointments/day?date=" + day).body().path("appointments");
        assertTrue(appointments.findValuesAsText("bookingCode").contains(code), appointments.toString());
        assertTrue(booked(nurse, day, slotId), "the slot is booked");

        String link = widget.byId("appt-link").getDomProperty("href");
        assertTrue(link.contains("/widget/booking.html") && link.contains("#"), link);
        widget.driver.get(link);
        widget.waitVisible("b-details");
        widget.waitText("b-details", code);
        widget.waitText("b-details", "Voimassa");
        assertTrue(widget.byId("b-details").getText().contains("4321") && !widget.byId("b-details").getText().contains("765"),
                "the phone is masked");
        axe.put("booking page", browser.axeViolations());
        widget.byId("b-cancel").click();
        widget.waitVisible("b-confirm");
        assertEquals("b-confirm", widget.js("return document.activeElement.id"));
        widget.byId("b-confirm").click();
        widget.waitText("b-status", "peruttu");
        widget.waitText("b-details", "Peruttu");
        assertFalse(widget.byId("b-cancel").isDisplayed());
        axe.put("cancelled page", browser.axeViolations());
        assertFalse(booked(nurse, day, slotId), "cancelling freed the slot");
        Api.Res again = Api.resident(server).post("/api/appointments/requests", Json.object().put("text", KNEE).put("type", "phone"));
        assertTrue(again.body().path("slots").findValuesAsText("id").contains(slotId), "the slot is offered again: " + again.raw());

        axe.forEach((view, v) -> assertEquals("[]", v, view + ": " + v));
    }

    private static boolean booked(Api nurse, LocalDate day, String slotId) {
        Api.Res slots = nurse.get("/api/availability/slots?queue=health&from=" + day + "&to=" + day);
        for (JsonNode s : slots.body().path("slots")) {
            if (slotId.equals(s.path("id").asText())) {
                return s.path("booked").asBoolean();
            }
        }
        throw new AssertionError("slot not listed: " + slots.raw());
    }

    /** Someone else books the chosen slot first: 409 slot_taken → the slot leaves the list, the resident is told, picks another. */
    @Test
    void takenSlotIsRemovedAndAnotherCanBeBooked() {
        Api nurse = nurse();
        LocalDate day = TODAY.plusDays(6);
        String first = nurse.post("/api/availability/slots", Json.object().put("queue", "health").put("type", "chat")
                .put("start", day + "T08:00").put("minutes", 15)).body().path("id").asText();
        String second = nurse.post("/api/availability/slots", Json.object().put("queue", "health").put("type", "chat")
                .put("start", day + "T08:15").put("minutes", 15)).body().path("id").asText();
        startRequest(KNEE, "chat");
        WebElement mine = widget.browser.until(d -> d.findElements(By.cssSelector("input[name=slot][value='" + first + "']"))
                .stream().findFirst().orElse(null));
        Api resident = Api.resident(server);
        Api.Res other = resident.post("/api/appointments/requests", Json.object().put("text", KNEE).put("type", "chat"));
        assertEquals(201, resident.post("/api/appointments/bookings", Json.object()
                .put("requestId", other.body().path("requestId").asText()).put("slotId", first)).status());
        mine.click();
        assertFalse(widget.byId("phone-box").isDisplayed(), "no phone asked for a chat appointment");
        widget.byId("a-book").click();
        widget.waitText("slot-error", "Joku ehti varata");
        assertTrue(widget.driver.findElements(By.cssSelector("input[name=slot][value='" + first + "']")).isEmpty());
        widget.driver.findElement(By.cssSelector("input[name=slot][value='" + second + "']")).click();
        widget.byId("a-book").click();
        widget.waitVisible("appt-done");
        assertTrue(widget.byId("appt-done").getText().contains("Chat"), widget.byId("appt-done").getText());
    }

    /** Chest pain: the widget's emergency guidance at once, no slot list, nothing to book. */
    @Test
    void emergencyRequestGetsGuidanceAndNoSlots() {
        Api.Res published = nurse().post("/api/availability/slots", Json.object().put("queue", "health").put("type", "video")
                .put("start", TODAY.plusDays(3) + "T11:00").put("minutes", 20));
        assertEquals(201, published.status(), published.raw());
        startRequest("Isälläni on kova puristava rintakipu ja hän hikoilee", null);
        widget.waitText("emergency", "112");
        widget.waitVisible("appt-emergency");
        widget.waitText("appt-status", "ei voi varata");
        assertTrue(widget.byId("sos").isDisplayed());
        assertEquals(List.of(), widget.driver.findElements(By.cssSelector("input[name=slot]")), "no slots offered");
        assertFalse(widget.byId("appt-form").isDisplayed(), "the request cannot be sent again into a booking");
        String v = browser.axeViolations();
        assertEquals("[]", v, v);
    }

    /** No slot inside the care-guarantee deadline (none at all in mental health): told plainly a professional calls. */
    @Test
    void noSlotInsideTheDeadlineSaysAProfessionalWillContact() {
        startRequest("Olen ollut pitkään masentunut ja ahdistunut, haluaisin keskustella mielenterveyshoitajan kanssa", null);
        widget.waitText("appt-status", "ammattilainen ottaa sinuun yhteyttä");
        widget.waitVisible("appt-at-risk");
        assertEquals(List.of(), widget.driver.findElements(By.cssSelector("input[name=slot]")));
        widget.byId("appt-back").click();
        widget.waitVisible("composer");
        assertEquals("text", widget.js("return document.activeElement.id"), "back to the chat, focus in the composer");
    }

    /** Client-side check: an empty need is refused next to the field, focused, and nothing is sent. */
    @Test
    void emptyNeedIsRefusedAtTheField() {
        startRequest("", null);
        widget.waitText("a-text-error", "Kerro ensin");
        assertEquals("a-text", widget.js("return document.activeElement.id"));
        assertEquals("true", widget.byId("a-text").getDomAttribute("aria-invalid"));
        assertEquals("", widget.byId("appt-status").getText());
    }
}
