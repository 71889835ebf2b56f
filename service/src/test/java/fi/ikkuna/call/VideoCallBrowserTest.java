package fi.ikkuna.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fi.ikkuna.form.Api;
import fi.ikkuna.support.Browser;
import fi.ikkuna.support.EnglishText;
import fi.ikkuna.support.Pro;
import fi.ikkuna.support.ServiceTest;
import fi.ikkuna.support.TcpProxy;
import fi.ikkuna.web.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Issue 18 in two real browsers with Chromium's fake camera and microphone, on loopback: the resident on the booking
 * page (through a proxy that can cut her socket), the professional in the console's "My day". Media goes browser to
 * browser; the assertions read each side's RTCPeerConnection statistics, never a clock.
 */
class VideoCallBrowserTest extends ServiceTest {
    private static final ZoneId ZONE = ZoneId.of("Europe/Helsinki");
    private static final String KNEE = "Haluaisin etävastaanottoajan lääkärille, polvi on ollut kipeä jo kuukauden";
    /** Every RTCPeerConnection a page makes, so the test can read the newest one's statistics. */
    private static final String CAPTURE = "window.__pcs = []; const Native = window.RTCPeerConnection;"
            + "window.RTCPeerConnection = class extends Native { constructor(...a) { super(...a); window.__pcs.push(this); } };";
    private static final String STATS = """
            const done = arguments[arguments.length - 1];
            const pc = (window.__pcs || []).filter(p => p.connectionState !== 'closed').pop();
            if (!pc) { done(null); return; }
            pc.getStats().then(r => {
              const o = { video: 0, audio: 0, energy: 0, seconds: 0, sentAudio: 0, pcs: window.__pcs.length };
              r.forEach(s => {
                if (s.type === 'inbound-rtp' && s.kind === 'video') o.video += s.bytesReceived || 0;
                if (s.type === 'inbound-rtp' && s.kind === 'audio') {
                  o.audio += s.bytesReceived || 0; o.energy += s.totalAudioEnergy || 0; o.seconds += s.totalSamplesDuration || 0; }
              });
              done(o);
            }).catch(e => done('stats failed: ' + e));
            """;
    private TcpProxy proxy;
    private Browser residentBrowser;
    private Browser proBrowser;

    @Override
    protected Map<String, String> config() {
        // A cut connection is noticed by the heartbeat (a dead TCP peer sends no close): a short one here.
        return Map.of("ikkuna.call.join-early", "PT12H", "ikkuna.ws.heartbeat-interval-seconds", "1",
                "ikkuna.ws.heartbeat-timeout-seconds", "3");
    }

    @BeforeAll
    void browsers() {
        proxy = new TcpProxy(server.port());
        residentBrowser = Browser.startWithFakeMedia();
        proBrowser = Browser.startWithFakeMedia();
        for (Browser b : List.of(residentBrowser, proBrowser)) {
            b.driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", CAPTURE));
        }
    }

    @AfterAll
    void closeBrowsers() {
        residentBrowser.close();
        proBrowser.close();
        proxy.close();
    }

    @Test
    void residentAndProfessionalTalkByVideo() {
        Map<String, String> axe = new LinkedHashMap<>();
        Api nurse = Api.as(Pro.login(server, "hoitaja", "hoitaja-demo"));
        LocalDateTime start = LocalDateTime.now(ZONE).truncatedTo(ChronoUnit.MINUTES).plusMinutes(30);
        Api.Res slot = nurse.post("/api/availability/slots", Json.object().put("queue", "health").put("type", "video")
                .put("start", start.toString()).put("minutes", 20));
        assertEquals(201, slot.status(), slot.raw());
        Api resident = Api.resident(server);
        Api.Res req = resident.post("/api/appointments/requests", Json.object().put("text", KNEE).put("type", "video"));
        Api.Res booked = resident.post("/api/appointments/bookings", Json.object()
                .put("requestId", req.body().path("requestId").asText()).put("slotId", slot.body().path("id").asText()));
        assertEquals(201, booked.status(), booked.raw());
        String token = booked.body().path("token").asText();
        String code = booked.body().path("code").asText();

        // The resident's waiting room: time, professional, the 112 line, the device check.
        residentBrowser.driver.get(proxy.http("/widget/booking.html?lang=fi#" + token));
        residentBrowser.until(ExpectedConditions.visibilityOfElementLocated(By.id("call")));
        String room = residentBrowser.driver.findElement(By.id("call")).getText();
        assertTrue(room.contains("Hanna Virtanen") && room.contains("112"), room);
        axe.put("resident: waiting room", residentBrowser.axeViolations());
        residentBrowser.driver.findElement(By.id("call-check")).click();
        residentUntil("check", () -> text(residentBrowser, "call-status").contains("toimivat"));
        axe.put("resident: devices checked", residentBrowser.axeViolations());
        residentBrowser.driver.findElement(By.id("call-join")).click();
        waitState(residentBrowser, "call", "waiting");
        axe.put("resident: waiting for the professional", residentBrowser.axeViolations());

        // The professional joins from "My day"; the conversation's chat opens beside the picture.
        signInConsole();
        js(proBrowser, "document.getElementById('day-date').value = arguments[0]", start.toLocalDate().toString());
        proBrowser.driver.findElement(By.cssSelector("#day-form button[type=submit]")).click();
        // The day table may be redrawn meanwhile: find and click in one step.
        proBrowser.until(d -> js(proBrowser, "const b = document.querySelector(`#day-table tr[data-code='${arguments[0]}'] button.call-join`);"
                + "if (!b) return null; b.click(); return true;", code));
        waitState(proBrowser, "call-panel", "connected");
        waitState(residentBrowser, "call", "connected");
        proBrowser.until(d -> text(proBrowser, "transcript").contains(KNEE) ? true : null);
        flowsBothWays("connected");
        // Finnish screens carry no English (the call's own bundles included).
        Path widget = Path.of("../widget/i18n");
        Path consoleTexts = Path.of("src/main/resources/web/console/i18n");
        EnglishText englishWidget = EnglishText.forBundles(List.of(widget.resolve("en.json"), widget.resolve("call-en.json")),
                List.of(widget.resolve("fi.json"), widget.resolve("call-fi.json")));
        EnglishText englishConsole = EnglishText.forBundles(List.of(consoleTexts.resolve("en.json"), consoleTexts.resolve("call-en.json")),
                List.of(consoleTexts.resolve("fi.json"), consoleTexts.resolve("call-fi.json")));
        assertEquals(java.util.Set.of(), englishWidget.in(EnglishText.visibleText(residentBrowser.driver)));
        assertEquals(java.util.Set.of(), englishConsole.in(EnglishText.visibleText(proBrowser.driver)));
        axe.put("resident: in the call", residentBrowser.axeViolations());
        axe.put("professional: in the call", proBrowser.axeViolations());

        // Muting: the professional stops receiving sound energy from the resident (over seconds of received audio).
        double before = energyOver(proBrowser, 2.0);
        assertTrue(before > 0, "the fake microphone's beep is heard before muting: " + before);
        residentBrowser.driver.findElement(By.id("call-mute")).click();
        assertEquals("true", residentBrowser.driver.findElement(By.id("call-mute")).getDomAttribute("aria-pressed"));
        assertEquals(Boolean.FALSE, js(residentBrowser, "return window.__pcs.at(-1).getSenders().find(s => s.track && s.track.kind === 'audio').track.enabled"));
        energyOver(proBrowser, 0.5); // what was already on its way before the click
        double muted = energyOver(proBrowser, 2.0);
        assertTrue(muted < before / 20, "muted: " + muted + " against " + before + " before");
        residentBrowser.driver.findElement(By.id("call-mute")).click();

        // The resident's socket drops: the professional waits, the widget reconnects with its seat, media flows again.
        long epoch = Long.parseLong(attr(residentBrowser, "call", "data-epoch"));
        proxy.cut();
        waitState(residentBrowser, "call", "reconnecting");
        waitState(proBrowser, "call-panel", "waiting");
        axe.put("resident: reconnecting", residentBrowser.axeViolations());
        axe.put("professional: resident gone", proBrowser.axeViolations());
        proxy.restore();
        residentBrowser.until(d -> Long.parseLong(attr(residentBrowser, "call", "data-epoch")) > epoch ? true : null);
        waitState(residentBrowser, "call", "connected");
        waitState(proBrowser, "call-panel", "connected");
        flowsBothWays("after the reconnect");

        // A third party with the link (another tab, no seat key) is refused while the resident is in the call.
        String console = proBrowser.driver.getWindowHandle();
        proBrowser.driver.switchTo().newWindow(WindowType.TAB);
        proBrowser.driver.get(proxy.http("/widget/booking.html?lang=fi#" + token));
        proBrowser.until(ExpectedConditions.visibilityOfElementLocated(By.id("call-join"))).click();
        waitState(proBrowser, "call", "refused");
        assertTrue(text(proBrowser, "call-status").contains("joku toinen"), text(proBrowser, "call-status"));
        axe.put("third party: refused", proBrowser.axeViolations());
        proBrowser.driver.close();
        proBrowser.driver.switchTo().window(console);
        waitState(residentBrowser, "call", "connected");

        // The chat beside the video, in the same conversation: the resident writes, the professional answers.
        residentBrowser.driver.findElement(By.id("call-to-chat")).click();
        residentBrowser.driver.findElement(By.id("call-text")).sendKeys("Kuuluuko ääneni?");
        residentBrowser.driver.findElement(By.cssSelector("#call-form button[type=submit]")).click();
        proBrowser.until(d -> text(proBrowser, "transcript").contains("Kuuluuko ääneni?") ? true : null);
        proBrowser.driver.findElement(By.id("reply")).sendKeys("Kuuluu hyvin.");
        proBrowser.driver.findElement(By.id("send-reply")).click();
        residentBrowser.until(d -> text(residentBrowser, "call-log").contains("Kuuluu hyvin.") ? true : null);
        axe.put("resident: chat beside the call", residentBrowser.axeViolations());

        // The professional ends the call: both see it ended; the chat stays.
        proBrowser.driver.findElement(By.id("pcall-end")).click();
        waitState(proBrowser, "call-panel", "ended");
        waitState(residentBrowser, "call", "ended");
        assertTrue(text(proBrowser, "pcall-times").contains("Päättyi"), text(proBrowser, "pcall-times"));
        assertTrue(residentBrowser.driver.findElement(By.id("call-chat")).isDisplayed());
        axe.put("resident: ended", residentBrowser.axeViolations());
        axe.put("professional: ended", proBrowser.axeViolations());
        axe.forEach((state, v) -> assertEquals("[]", v, state + ": " + v));
    }

    /** Issue 18: My day shows a phone appointment's number to call and records "call done" once. */
    @Test
    void phoneAppointmentShowsTheNumberAndRecordsTheCall() {
        Api nurse = Api.as(Pro.login(server, "hoitaja", "hoitaja-demo"));
        LocalDateTime start = LocalDateTime.now(ZONE).truncatedTo(ChronoUnit.MINUTES).plusMinutes(5);
        Api.Res slot = nurse.post("/api/availability/slots", Json.object().put("queue", "health").put("type", "phone")
                .put("start", start.toString()).put("minutes", 10));
        assertEquals(201, slot.status(), slot.raw());
        Api resident = Api.resident(server);
        Api.Res req = resident.post("/api/appointments/requests", Json.object().put("text", KNEE).put("type", "phone"));
        Api.Res booked = resident.post("/api/appointments/bookings", Json.object().put("requestId", req.body().path("requestId").asText())
                .put("slotId", slot.body().path("id").asText()).set("contact", Json.object().put("phone", "040 765 4321")));
        assertEquals(201, booked.status(), booked.raw());
        String code = booked.body().path("code").asText();
        signInConsole();
        js(proBrowser, "document.getElementById('day-date').value = arguments[0]", start.toLocalDate().toString());
        proBrowser.driver.findElement(By.cssSelector("#day-form button[type=submit]")).click();
        String row = "#day-table tr[data-code='" + code + "']";
        proBrowser.until(d -> d.findElements(By.cssSelector(row + " a[href='tel:0407654321']")).isEmpty() ? null : true);
        String before = proBrowser.axeViolations();
        proBrowser.until(d -> js(proBrowser, "const b = document.querySelector(arguments[0]); if (!b) return null; b.click(); return true;",
                row + " button.phone-done-button"));
        proBrowser.until(d -> d.findElements(By.cssSelector(row + " .phone-done")).isEmpty() ? null : true);
        assertTrue(proBrowser.driver.findElement(By.cssSelector(row + " .phone-done")).getText().startsWith("Soitettu klo"));
        String calledAt = nurse.get("/api/appointments/day?date=" + start.toLocalDate()).body().path("appointments")
                .findParents("bookingCode").stream().filter(a -> code.equals(a.path("bookingCode").asText())).findFirst()
                .orElseThrow().path("phoneCalledAt").asText();
        assertTrue(calledAt.startsWith(start.toLocalDate().toString()), calledAt);
        assertEquals("[]", before, "My day with a phone appointment");
        assertEquals("[]", proBrowser.axeViolations(), "My day after call done");
    }

    /** Opens the console in the professional's browser, signing in unless another test already did. */
    private void signInConsole() {
        proBrowser.driver.get("http://127.0.0.1:" + server.port() + "/console/");
        proBrowser.until(d -> d.findElement(By.id("username")).isDisplayed() || d.findElement(By.id("plan-view")).isDisplayed() ? true : null);
        if (proBrowser.driver.findElement(By.id("username")).isDisplayed()) {
            proBrowser.driver.findElement(By.id("username")).sendKeys("hoitaja");
            proBrowser.driver.findElement(By.id("password")).sendKeys("hoitaja-demo");
            proBrowser.driver.findElement(By.cssSelector("#login-form button[type=submit]")).click();
        }
        proBrowser.until(ExpectedConditions.visibilityOfElementLocated(By.id("plan-view")));
    }

    /** Both sides' newest connection receives growing video and audio bytes. */
    private void flowsBothWays(String when) {
        for (Browser b : List.of(residentBrowser, proBrowser)) {
            Map<String, Object> first = b.until(d -> stats(b));
            b.until(d -> {
                Map<String, Object> now = stats(b);
                return now != null && num(now, "video") > num(first, "video") && num(now, "audio") > num(first, "audio")
                        && num(first, "pcs") == num(now, "pcs") ? true : null;
            });
            assertTrue(num(first, "video") >= 0, when);
        }
    }

    /** Audio energy received while at least {@code seconds} more of audio arrived (counted in samples, not waited for). */
    private double energyOver(Browser b, double seconds) {
        Map<String, Object> first = b.until(d -> stats(b));
        Map<String, Object> last = b.until(d -> {
            Map<String, Object> now = stats(b);
            return now != null && num(now, "seconds") - num(first, "seconds") >= seconds ? now : null;
        });
        return num(last, "energy") - num(first, "energy");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> stats(Browser b) {
        Object o = ((JavascriptExecutor) b.driver).executeAsyncScript(STATS);
        if (o instanceof String s) {
            throw new AssertionError(s);
        }
        return (Map<String, Object>) o;
    }

    private static double num(Map<String, Object> m, String key) {
        return ((Number) m.get(key)).doubleValue();
    }

    private void residentUntil(String what, java.util.function.BooleanSupplier condition) {
        try {
            residentBrowser.until(d -> condition.getAsBoolean() ? true : null);
        } catch (RuntimeException e) {
            throw new AssertionError(what + ": " + text(residentBrowser, "call") + " / console: "
                    + residentBrowser.driver.manage().logs().get("browser").getAll(), e);
        }
    }

    private static void waitState(Browser b, String id, String state) {
        try {
            b.until(d -> state.equals(attr(b, id, "data-call-state")) ? true : null);
        } catch (RuntimeException e) {
            throw new AssertionError(id + " never reached " + state + ", is " + attr(b, id, "data-call-state") + ": "
                    + b.driver.findElement(By.id(id)).getText(), e);
        }
    }

    private static String attr(Browser b, String id, String name) {
        return b.driver.findElement(By.id(id)).getDomAttribute(name);
    }

    private static String text(Browser b, String id) {
        return b.driver.findElement(By.id(id)).getText();
    }

    private static Object js(Browser b, String script, Object... args) {
        return ((JavascriptExecutor) b.driver).executeScript(script, args);
    }
}
