package fi.ikkuna.widget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import fi.ikkuna.support.EnglishText;
import org.junit.jupiter.api.Test;

/**
 * Issue 14.7: a refusal from the appointment API reaches a Finnish resident in Finnish. That API's field messages
 * are English for programs ("Field 'text' contains characters that cannot be stored"); the widget translates the code.
 */
class WidgetLanguageTest extends BrowserTestBase {
    private static final Path TEXTS = Path.of("../widget/i18n");

    @Test
    void serverRefusalsReachAFinnishResidentInFinnish() {
        EnglishText english = EnglishText.forBundles(List.of(TEXTS.resolve("en.json")), List.of(TEXTS.resolve("fi.json")));
        widget.demo("fi").open();
        widget.byId("mode-appt").click();
        widget.waitVisible("appt-form");
        // A control character passes the widget's own checks but not the server's (FieldChecks.printable).
        widget.js("document.getElementById('a-text').value = arguments[0];", "Polvi on kipeä \u0007 kuukauden ajan");
        widget.byId("a-find").click();
        browser.until(d -> widget.byId("a-text-error").getText().isEmpty() ? null : true);
        String error = widget.byId("a-text-error").getText();
        assertFalse(error.contains("Field") || error.contains("characters"), error);
        assertTrue(error.contains("merkkejä"), error);
        String screen = EnglishText.visibleText(browser.driver);
        assertEquals(Set.of(), english.in(screen), screen);
    }
}
