package fi.ikkuna.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import fi.ikkuna.form.Api;
import fi.ikkuna.support.Browser;
import fi.ikkuna.support.Pro;
import fi.ikkuna.support.ServiceTest;
import fi.ikkuna.web.Json;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** Issue 6 in the professional's browser: publish availability in the console, see the resident's booking in "My day". */
@Tag("browser")
class ConsoleAppointmentBrowserTest extends ServiceTest {
    private static final String KNEE = "Haluaisin etävastaanottoajan lääkärille, polvi on ollut kipeä jo kuukauden";
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Helsinki"));


    @Test
    void availabilityEditorAndDayView() {
        Api nurse = Api.as(Pro.login(server, "hoitaja", "hoitaja-demo"));
        LocalDate day = TODAY.plusDays(4);
        Map<String, String> axe = new LinkedHashMap<>();
        try (Browser b = Browser.start()) {
            new Console(b, "http://127.0.0.1:" + server.port()).signIn("hoitaja", "hoitaja-demo");
            b.until(d -> d.findElement(By.id("plan-view")).isDisplayed() ? true : null);
            b.until(d -> d.findElement(By.id("slot-none")).isDisplayed() || d.findElement(By.id("slot-table")).isDisplayed() ? true : null);
            axe.put("empty", b.axeViolations());

            // One-off slots at 09:00 and 10:00, added through the console's form.
            for (String time : new String[] {"09:00", "10:00"}) {
                new Select(b.driver.findElement(By.id("slot-queue"))).selectByValue("health");
                new Select(b.driver.findElement(By.id("slot-type"))).selectByValue("phone");
                set(b, "slot-start", day + "T" + time);
                b.driver.findElement(By.cssSelector("#slot-form button[type=submit]")).click();
                String id = b.until(d -> slotId(nurse, day, time));
                b.until(d -> d.findElements(By.cssSelector("#slot-table tr[data-slot='" + id + "'][data-state=free]")).isEmpty() ? null : true);
            }
            String booked = slotId(nurse, day, "09:00");
            String toCancel = slotId(nurse, day, "10:00");

            // Overlap is refused with the server's message at the form.
            set(b, "slot-start", day + "T09:10");
            b.driver.findElement(By.cssSelector("#slot-form button[type=submit]")).click();
            b.until(d -> d.findElement(By.id("slot-error")).getText().isEmpty() ? null : true);
            axe.put("slots and error", b.axeViolations());

            // Cancel a free slot with its button.
            WebElement cancel = b.driver.findElement(By.cssSelector("#slot-table tr[data-slot='" + toCancel + "'] button"));
            assertTrue(cancel.getDomAttribute("aria-label").contains("Peru aika"), cancel.getDomAttribute("aria-label"));
            cancel.click();
            b.until(d -> d.findElements(By.cssSelector("#slot-table tr[data-slot='" + toCancel + "'][data-state=cancelled]")).isEmpty() ? null : true);
            assertTrue(slot(nurse, day, toCancel).path("cancelled").asBoolean());

            // A weekly pattern for two weeks.
            LocalDate patternDay = TODAY.plusDays(5);
            new Select(b.driver.findElement(By.id("pattern-queue"))).selectByValue("health");
            new Select(b.driver.findElement(By.id("pattern-type"))).selectByValue("video");
            new Select(b.driver.findElement(By.id("pattern-weekday"))).selectByValue(patternDay.getDayOfWeek().name().substring(0, 3).toLowerCase());
            set(b, "pattern-start", "13:00");
            set(b, "pattern-end", "14:00");
            set(b, "pattern-minutes", "30");
            set(b, "pattern-until", TODAY.plusDays(13).toString());
            b.driver.findElement(By.cssSelector("#pattern-form button[type=submit]")).click();
            b.until(d -> d.findElements(By.cssSelector("#pattern-list li[data-pattern]")).size() == 1 ? true : null);
            JsonNode patterns = nurse.get("/api/availability/patterns").body().path("patterns");
            assertEquals(1, patterns.size(), patterns.toString());
            assertEquals("13:00", patterns.get(0).path("start").asText());
            assertEquals(2, slotsOn(nurse, patternDay).size(), "13:00 and 13:30 on the pattern's day");

            // A resident books the 09:00 slot; "My day" shows it with the triaged request.
            Api resident = Api.resident(server);
            Api.Res offer = resident.post("/api/appointments/requests", Json.object().put("text", KNEE).put("type", "phone"));
            assertTrue(offer.body().path("slots").findValuesAsText("id").contains(booked), offer.raw());
            Api.Res booking = resident.post("/api/appointments/bookings", Json.object().put("requestId", offer.body().path("requestId").asText())
                    .put("slotId", booked).set("contact", Json.object().put("phone", "040 765 4321")));
            assertEquals(201, booking.status(), booking.raw());
            String code = booking.body().path("code").asText();

            set(b, "day-date", day.toString());
            b.driver.findElement(By.cssSelector("#day-form button[type=submit]")).click();
            WebElement row = b.until(d -> d.findElements(By.cssSelector("#day-table tr[data-code='" + code + "']")).stream().findFirst().orElse(null));
            String text = row.getText();
            assertTrue(text.contains(KNEE) && text.contains("0407654321") && text.contains("puhelu"), text);
            assertTrue(text.contains("9.00–9.20") || text.contains("09.00–09.20"), "local time of the slot: " + text);
            assertEquals("1", b.driver.findElement(By.id("day-caption")).getText().replaceAll(".*: ", ""));
            axe.put("day view", b.axeViolations());

            // Cancelling the booked slot is refused: the professional sees the server's reason.
            set(b, "avail-from", day.toString());
            set(b, "avail-to", day.toString());
            b.driver.findElement(By.cssSelector("#avail-list-form button[type=submit]")).click();
            b.until(d -> d.findElements(By.cssSelector("#slot-table tr[data-slot='" + booked + "'][data-state=booked]")).isEmpty() ? null : true);
            assertTrue(b.driver.findElements(By.cssSelector("#slot-table tr[data-slot='" + booked + "'] button")).isEmpty(),
                    "a booked slot has no cancel button");
        }
        axe.forEach((view, v) -> assertEquals("[]", v, view + ": " + v));
    }

    private static void set(Browser b, String id, String value) {
        ((JavascriptExecutor) b.driver).executeScript("document.getElementById(arguments[0]).value = arguments[1]", id, value);
    }

    private static JsonNode slotsOn(Api nurse, LocalDate day) {
        return nurse.get("/api/availability/slots?queue=health&from=" + day + "&to=" + day).body().path("slots");
    }

    private static String slotId(Api nurse, LocalDate day, String time) {
        for (JsonNode s : slotsOn(nurse, day)) {
            if (s.path("start").asText().startsWith(day + "T" + time)) {
                return s.path("id").asText();
            }
        }
        return null;
    }

    private static JsonNode slot(Api nurse, LocalDate day, String id) {
        for (JsonNode s : slotsOn(nurse, day)) {
            if (id.equals(s.path("id").asText())) {
                return s;
            }
        }
        throw new AssertionError(id);
    }
}
