package fi.ikkuna.widget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import fi.ikkuna.support.Frames;
import fi.ikkuna.support.WsTestClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The resident's flows end to end: browser → demo page → widget → real service ← professional over the protocol. */
class WidgetConversationTest extends BrowserTestBase {

    /** Question → queue → claim → name/title, typing, delivered → end → rate → transcript. */
    @Test
    void conversationWithAProfessional() throws Exception {
        widget.demo("fi").open();
        widget.send("Hei, haluaisin kysyä laskustani");
        widget.waitMessage("resident", "laskustani");
        widget.waitText("status", "jonossa");
        String id = conversationId();
        try (WsTestClient pro = claim(id)) {
            widget.waitText("who", "Antti Järvinen, pääkäyttäjä");
            pro.send(Frames.pro("typing", id));
            widget.waitText("typing", "Antti Järvinen kirjoittaa");
            pro.send(proMessage(id, "p-1", "Hei! Katsotaan laskua yhdessä."));
            Map<String, String> answer = widget.waitMessage("professional", "Katsotaan laskua");
            assertEquals("fi", answer.get("lang"));
            assertTrue(widget.byId("typing").getText().isEmpty(), "a message replaces the typing indicator");
            // The widget tells the professional it received the answer.
            pro.await("receipt", r -> r.path("seq").asLong() == Long.parseLong(answer.get("seq")));

            // The resident's typing reaches the professional (throttled by the widget to one frame per 3 s).
            widget.byId("text").sendKeys("K");
            pro.await("typing", f -> "resident".equals(f.path("from").asText()));
            widget.send("Kiitos, laskun numero on 123");
            widget.browser.until(d -> "sent".equals(status("laskun numero")));
            long seq = pro.await("message", m -> m.path("text").asText().contains("laskun numero")).path("seq").asLong();
            pro.send(Frames.pro("delivered", id).put("seq", seq));
            widget.browser.until(d -> "delivered".equals(status("laskun numero")));
            assertTrue(widget.byId("log").getText().contains("Toimitettu"));

            widget.byId("end").click();
            widget.waitVisible("ended");
            pro.await("state", s -> "closed".equals(s.path("state").asText()));
        }
        widget.byId("r-send").click();
        widget.waitText("rate-error", "arvosana");
        widget.driver.findElement(By.cssSelector("label[for='score-4']")).click();
        widget.byId("r-comment").sendKeys("Nopea vastaus");
        widget.byId("r-send").click();
        widget.waitText("rated", "Kiitos");

        widget.byId("download").click();
        String transcript = downloaded("ikkuna-keskustelu-");
        assertTrue(transcript.startsWith("Ikkuna – keskustelu"), transcript);
        assertTrue(transcript.contains("Sinä:\nHei, haluaisin kysyä laskustani"), transcript);
        assertTrue(transcript.contains("Antti Järvinen, pääkäyttäjä:\nHei! Katsotaan laskua yhdessä."), transcript);
        assertTrue(transcript.indexOf("laskustani") < transcript.indexOf("Katsotaan") && transcript.indexOf("Katsotaan")
                < transcript.indexOf("laskun numero"), "in conversation order");
    }

    /** An FAQ answer with "Did this help?": yes ends the conversation politely. */
    @Test
    void faqAnswerThatHelpedEndsPolitely() {
        widget.demo("fi").open();
        widget.send("Miten uusin reseptin?");
        widget.waitMessage("bot", "reseptin uusimista");
        widget.waitVisible("feedback");
        assertTrue(widget.byId("feedback").getText().contains("Auttoiko"));
        widget.byId("faq-yes").click();
        widget.waitVisible("ended");
        widget.waitText("status", "Hienoa");
        assertFalse(widget.byId("composer").isDisplayed());
    }

    /** "No" sends faq_feedback false and the conversation goes to a person's queue. */
    @Test
    void faqAnswerThatDidNotHelpGoesToTheQueue() {
        widget.demo("fi").open();
        widget.send("Miten uusin reseptin?");
        widget.waitVisible("feedback");
        widget.byId("faq-no").click();
        widget.waitText("status", "jonossa");
        assertFalse(widget.byId("feedback").isDisplayed());
        assertTrue(widget.byId("composer").isDisplayed());
    }

    /** Emergency guidance appears at once, in an assertive live region, and Esc closes neither it nor the panel. */
    @Test
    void emergencyGuidanceCannotBeMissed() {
        widget.demo("fi").open();
        widget.send("Isälläni on kova rintakipu ja hän hikoilee");
        widget.waitText("emergency", "112");
        var box = widget.byId("emergency");
        assertTrue(box.isDisplayed());
        assertEquals("assertive", box.getDomAttribute("aria-live"));
        assertEquals("alert", box.getDomAttribute("role"));
        String text = box.getText();
        assertTrue(text.contains("116117") && text.contains("09 2525 0111"), text);
        assertTrue(text.contains("Soita heti 112"), "the pipeline's own instruction is shown too: " + text);
        assertEquals(0, box.findElements(By.tagName("button")).size(), "nothing to dismiss it with");
        assertEquals("tel:112", widget.byId("sos").getDomAttribute("href"));
        assertTrue(widget.byId("sos").isDisplayed(), "a 112 link stays in the header while the conversation scrolls");

        widget.byId("text").sendKeys(org.openqa.selenium.Keys.ESCAPE);
        widget.host();
        assertTrue(widget.driver.findElement(By.id("ikkuna-panel")).isDisplayed(), "Esc must not hide the guidance");
        widget.enterApp();
        assertTrue(widget.byId("emergency").isDisplayed());
        // Guidance stays across a reload as well (only a flag is stored, not the text).
        widget.driver.navigate().refresh();
        widget.enterApp();
        widget.waitText("emergency", "112");
    }

    /**
     * Issue 12: in a live chat a denied red flag ("Ei ole hengitysvaikeuksia") raises no 112 banner, while the
     * same screen still raises it for a stated one in the next message.
     */
    @Test
    void negatedAnswerInALiveChatRaisesNoBanner() {
        widget.demo("fi").open();
        widget.send("Hei, lapsella on ollut kuumetta kaksi päivää");
        widget.waitText("status", "jonossa");
        String id = conversationId();
        try (WsTestClient pro = claim(id)) {
            pro.send(proMessage(id, "q-1", "Onko hengitysvaikeuksia tai rintakipua?"));
            widget.waitMessage("professional", "hengitysvaikeuksia");
            widget.send("Ei ole hengitysvaikeuksia eikä rintakipua, kuume 38,2");
            widget.browser.until(d -> "sent".equals(status("kuume 38,2")));
            pro.await("message", m -> m.path("text").asText().contains("kuume 38,2"));
            pro.send(proMessage(id, "q-2", "Selvä, kiitos."));
            widget.waitMessage("professional", "Selvä, kiitos");
            assertFalse(widget.byId("emergency").isDisplayed(), "a denial raised the 112 banner: " + widget.byId("emergency").getText());

            widget.send("Nyt hän ei saa henkeä ja huulet sinertää");
            widget.waitText("emergency", "112");
        }
    }

    /** Script and image payloads stay text in both directions: no dialog, no element created. */
    @Test
    void htmlPayloadsAreRenderedAsText() {
        String script = "<script>alert(1)</script>";
        String img = "<img src=x onerror=alert(1)>";
        widget.demo("en").open();
        widget.send(script);
        widget.waitMessage("resident", script);
        widget.send(img);
        widget.waitMessage("resident", img);
        String id = conversationId();
        try (WsTestClient pro = claim(id)) {
            pro.send(proMessage(id, "x-1", img));
            pro.send(proMessage(id, "x-2", script));
            widget.waitMessage("professional", img);
            widget.waitMessage("professional", script);
        }
        List<String> texts = widget.messages().stream().map(m -> m.get("text")).toList();
        assertEquals(2, texts.stream().filter(script::equals).count(), texts.toString());
        assertEquals(2, texts.stream().filter(img::equals).count(), texts.toString());
        assertEquals(0L, widget.js("return document.querySelectorAll('#log img, #log script, img').length"));
        assertEquals(0L, widget.js("return document.querySelectorAll('[onerror]').length"));
        widget.host();
        assertEquals(0L, widget.js("return document.querySelectorAll('img, [onerror]').length"));
        assertEquals(1L, widget.js("return document.scripts.length"), "only the loader");
        assertTrue(noAlert(), "no dialog fired");
    }

    /** A reload keeps the conversation (resume token in sessionStorage) without storing any message text. */
    @Test
    void reloadKeepsTheConversation() {
        widget.demo("fi").open();
        widget.send("Kysymys ennen uudelleenlatausta");
        widget.browser.until(d -> "sent".equals(status("uudelleenlatausta")));
        String id = conversationId();
        try (WsTestClient pro = claim(id)) {
            pro.send(proMessage(id, "r-1", "Vastaus ennen latausta"));
            widget.waitMessage("professional", "Vastaus ennen latausta");
            widget.driver.navigate().refresh();
            widget.enterApp();
            widget.waitMessage("professional", "Vastaus ennen latausta");
            assertEquals(id, conversationId());
            assertEquals(2, widget.messages().size(), "each message once: " + widget.messages());
            widget.send("Kysymys latauksen jälkeen");
            pro.await("message", m -> m.path("text").asText().equals("Kysymys latauksen jälkeen"));
            String stored = String.valueOf(widget.js("return JSON.stringify(sessionStorage)"));
            assertFalse(stored.contains("Kysymys") || stored.contains("Vastaus"), stored);
            assertEquals(0L, widget.js("return localStorage.length"));
        }
    }

    /**
     * The connection drops twice: once after a message reached the server but before its ack came back, once
     * before another was sent. After reconnecting both are resent with their client ids and stored exactly once.
     */
    @Test
    void droppedConnectionResendsTheOutboxWithoutDuplicates() {
        widget.demo("fi").open();
        widget.send("Ensimmäinen viesti");
        widget.browser.until(d -> "sent".equals(status("Ensimmäinen")));
        String id = conversationId();
        try (WsTestClient pro = claim(id)) {
            proxy.muteReplies();
            widget.send("Ack katosi matkalla");
            pro.await("message", m -> m.path("text").asText().equals("Ack katosi matkalla"));
            assertEquals("pending", status("Ack katosi"));
            proxy.cut();
            widget.waitText("conn", "Yhdistetään uudelleen");
            widget.browser.until(d -> "waiting".equals(status("Ack katosi")));
            widget.send("Kirjoitettu katkon aikana");
            assertEquals("waiting", status("katkon aikana"));
            pro.send(proMessage(id, "d-1", "Vastaus katkon aikana"));
            proxy.restore();
            widget.browser.until(d -> "sent".equals(status("Ack katosi")) && "sent".equals(status("katkon aikana")));
            widget.waitMessage("professional", "Vastaus katkon aikana");
            assertTrue(widget.byId("conn").getText().isEmpty());

            pro.send(Frames.pro("open", id).put("purpose", "care"));
            List<String> stored = pro.await("opened").path("messages").findValuesAsText("text");
            assertEquals(1, stored.stream().filter("Ack katosi matkalla"::equals).count(), stored.toString());
            assertEquals(1, stored.stream().filter("Kirjoitettu katkon aikana"::equals).count(), stored.toString());
        }
        List<String> shown = widget.messages().stream().map(m -> m.get("text")).toList();
        assertEquals(List.of("Ensimmäinen viesti", "Ack katosi matkalla", "Kirjoitettu katkon aikana", "Vastaus katkon aikana"), shown);
    }

    /** The 4000-character limit is visible while typing, and an over-long message is not sent. */
    @Test
    void lengthLimitIsShownBeforeSending() {
        widget.demo("fi").open();
        assertEquals("0/4000 merkkiä", widget.byId("counter").getText());
        widget.js("const t = document.getElementById('text'); t.value = 'x'.repeat(4001);"
                + "t.dispatchEvent(new Event('input', { bubbles: true }));");
        assertEquals("4001/4000 merkkiä", widget.byId("counter").getText());
        widget.waitText("text-error", "Enintään 4000 merkkiä. Lyhennä 1 merkkiä");
        widget.byId("text").sendKeys(org.openqa.selenium.Keys.ENTER);
        assertEquals("true", widget.byId("text").getDomAttribute("aria-invalid"));
        assertTrue(widget.messages().isEmpty(), "nothing was sent");
        assertEquals(null, widget.js("return document.body.dataset.conversation || null"), "no conversation was even started");
        widget.byId("text").sendKeys(org.openqa.selenium.Keys.BACK_SPACE);
        widget.browser.until(d -> widget.byId("text-error").getText().isEmpty());
        assertEquals("4000/4000 merkkiä", widget.byId("counter").getText());
    }

    private String status(String textPart) {
        return widget.messages().stream().filter(m -> m.get("author").equals("resident") && m.get("text").contains(textPart))
                .map(m -> m.get("status")).findFirst().orElse(null);
    }

    private boolean noAlert() {
        try {
            widget.driver.switchTo().alert();
            return false;
        } catch (org.openqa.selenium.NoAlertPresentException e) {
            return true;
        }
    }

    /**
     * The downloaded file's content once Chromium has finished it: it can create the file under its final name
     * before writing it (a CI run read it empty), so wait for no partial download, a non-empty file, and the
     * same size on two polls in a row.
     */
    private String downloaded(String prefix) {
        long[] lastSize = {-1};
        Path file = widget.browser.until(d -> {
            try (Stream<Path> s = Files.list(widget.browser.downloads)) {
                List<Path> all = s.toList();
                if (all.stream().anyMatch(p -> p.toString().endsWith(".crdownload"))) {
                    return null;
                }
                Path f = all.stream().filter(p -> p.getFileName().toString().startsWith(prefix) && p.toString().endsWith(".txt"))
                        .findFirst().orElse(null);
                if (f == null) {
                    return null;
                }
                long size = Files.size(f);
                boolean stable = size > 0 && size == lastSize[0];
                lastSize[0] = size;
                return stable ? f : null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
