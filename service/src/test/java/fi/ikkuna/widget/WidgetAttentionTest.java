package fi.ikkuna.widget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 14.6: what the resident must see is on screen. The FAQ question and the way to a person are in view without
 * scrolling; emergency guidance is never next to a queue promise and keeps its specific instruction first, also after
 * a reload; the suggestions heading follows a language switch. Every wait is bounded polling.
 */
class WidgetAttentionTest extends BrowserTestBase {
    private static final String CHEST_PAIN = "Isälläni on kova rintakipu ja hän hikoilee";

    /**
     * True when the element is drawn, inside the app's viewport and every clipping ancestor, and is what a click at
     * its centre would hit (nothing covers it).
     */
    private boolean inView(String selector) {
        return Boolean.TRUE.equals(widget.js("""
                const e = document.querySelector(arguments[0]);
                if (!e) return false;
                const r = e.getBoundingClientRect();
                if (r.width === 0 || r.height === 0) return false;
                if (r.top < -0.5 || r.left < -0.5 || r.bottom > innerHeight + 0.5 || r.right > innerWidth + 0.5) return false;
                for (let p = e.parentElement; p; p = p.parentElement) {
                  if (!/(auto|scroll|hidden|clip)/.test(getComputedStyle(p).overflowY)) continue;
                  const q = p.getBoundingClientRect();
                  if (r.top < q.top - 0.5 || r.bottom > q.bottom + 0.5) return false;
                }
                const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
                return hit === e || e.contains(hit);
                """, selector));
    }

    /** The newest bot message's first line is in view (a long answer is read from its start). */
    private boolean newestBotMessageStartsInView() {
        return Boolean.TRUE.equals(widget.js("""
                const all = document.querySelectorAll('#log .msg--bot');
                const m = all[all.length - 1];
                if (!m) return false;
                const r = m.getBoundingClientRect(), s = document.getElementById('scroll').getBoundingClientRect();
                return r.top >= s.top - 0.5 && r.top + 40 <= s.bottom;
                """));
    }

    @Test
    void faqQuestionAndTheWayToAPersonAreInView() {
        widget.demo("fi").open();
        widget.send("Miten uusin reseptin?");
        widget.waitMessage("bot", "reseptin uusimista");
        widget.waitVisible("feedback");
        widget.browser.until(d -> inView("#faq-no") ? true : null);
        assertTrue(inView("#feedback-q"), "the question 'Auttoiko tämä vastaus?' is on screen");
        assertTrue(inView("#faq-yes"));
        assertTrue(newestBotMessageStartsInView(), "the answer itself is scrolled into view from its start");

        // Reading back up the conversation does not hide the choice of a person.
        widget.js("document.getElementById('scroll').scrollTop = 0");
        assertTrue(inView("#faq-no"), "'Ei, haluan kysyä ihmiseltä' stays visible while the resident scrolls");
        widget.byId("faq-no").click();
        widget.waitText("status", "jonossa");
    }

    /** The status strip shows either the emergency wording or a queue promise; returns it once either is there. */
    private String statusOnceQueued() {
        return widget.browser.until(d -> {
            String s = widget.byId("status").getText();
            return s.contains("min") || s.contains("112") ? s : null;
        });
    }

    private void assertInstructionFirst() {
        // The pipeline's own instruction ("Soita heti 112 …") right under the heading, before the general numbers.
        assertEquals("emergency__service", String.valueOf(widget.js(
                "return document.querySelector('#emergency > h2 + *').className")), widget.byId("emergency").getText());
        assertTrue(widget.driver.findElement(By.cssSelector("#emergency .emergency__service")).getText().contains("Soita heti 112"));
    }

    @Test
    void emergencyGuidanceIsNeverNextToAQueuePromiseAndSurvivesAReload() {
        widget.demo("fi").open();
        widget.send(CHEST_PAIN);
        widget.waitText("emergency", "Soita heti 112");
        assertInstructionFirst();
        String status = statusOnceQueued();
        assertFalse(status.contains("min") || status.contains("seuraavana"), "a queue promise beside 112 guidance: " + status);
        assertFalse(widget.byId("unstaffed-contact").isDisplayed());
        assertTrue(inView("#emergency h2") && inView("#emergency .emergency__service"),
                "the top of the red box, with the specific instruction, is on screen");

        widget.driver.navigate().refresh();
        widget.enterApp();
        widget.waitText("emergency", "Soita heti 112");
        assertInstructionFirst();
        status = statusOnceQueued();
        assertFalse(status.contains("min") || status.contains("seuraavana"), "after a reload: " + status);
        String stored = String.valueOf(widget.js("return JSON.stringify(sessionStorage)"));
        assertFalse(stored.contains("rintakipu") || stored.contains("Soita"), "no text in storage: " + stored);
    }

    @Test
    void suggestionsHeadingFollowsALanguageSwitch() {
        widget.demo("fi").open();
        widget.send("Minulla on ollut kuumetta ja yskää");
        widget.waitText("suggestions", "Näistä ohjeista voi olla apua");
        new Select(widget.byId("lang")).selectByValue("sv");
        widget.waitText("suggestions", "De här anvisningarna kan hjälpa");
        assertFalse(widget.byId("suggestions").getText().contains("Näistä ohjeista"), widget.byId("suggestions").getText());
    }
}
