package fi.ikkuna.widget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Issue 13.9: a path that names no file must not cost memory, or unique 404s grow the heap without end. */
class WidgetFilesTest {

    @Test
    void missingFilesAreNotRemembered() {
        WidgetFiles files = new WidgetFiles("web/widget/");
        assertTrue(files.get("app.js").isPresent());
        assertTrue(files.get("i18n/fi.json").isPresent());
        for (int i = 0; i < 10_000; i++) {
            assertTrue(files.get("missing-" + i + ".js").isEmpty());
            assertTrue(files.get("i18n/missing-" + i + ".json").isEmpty());
        }
        assertEquals(2, files.size(), "only files that exist are kept");
        assertTrue(files.get("app.js").isPresent(), "existing files are still served");
        assertEquals(2, files.size());
    }
}
