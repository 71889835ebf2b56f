package fi.ikkuna;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The README's fast loop ({@code -DexcludedGroups=browser,mariadb,slow}) is only honest if every test that starts
 * Chromium is tagged {@code browser} and every test that needs the real MariaDB is tagged {@code mariadb}. A class
 * inherits its base class's tag (BrowserTestBase, a contract), so the check is on the tags a class ends up with.
 */
class TestTiersTest {
    private static final Path TESTS = Path.of("src/test/java");
    /** What a class's own source does → the tag it must carry. The support classes are the means, not tests. */
    private static final Map<String, String> NEEDS = Map.of(
            "Browser.start(", "browser",
            "Backend.mariadb()", "mariadb",
            "new OutageServer(", "mariadb");

    @Test
    void everyTestThatNeedsChromiumOrMariaDbIsTagged() throws Exception {
        List<String> untagged = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> s = Files.walk(TESTS)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".java") && !p.toString().contains("/support/")
                    && !p.endsWith("TestTiersTest.java")).toList()) {
                String src = Files.readString(f);
                for (Map.Entry<String, String> need : NEEDS.entrySet()) {
                    if (src.contains(need.getKey())) {
                        checked++;
                        Class<?> c = Class.forName(className(f));
                        if (!tags(c).contains(need.getValue())) {
                            untagged.add(c.getSimpleName() + " (" + need.getKey() + ") needs @Tag(\"" + need.getValue() + "\")");
                        }
                    }
                }
            }
        }
        assertTrue(checked > 20, "the browser and MariaDB tests were found (" + checked + ")");
        assertEquals(List.of(), untagged);
    }

    @Test
    void tagsAreInherited() {
        assertEquals(List.of("browser"), tags(widgetTest("WidgetLanguageTest")));
        assertEquals(List.of("mariadb"), tags(widgetTest("../conversation/DeliveryMariaDbTest")));
        assertEquals(List.of(), tags(widgetTest("../conversation/DeliveryH2Test")));
    }

    private static Class<?> widgetTest(String relative) {
        try {
            return Class.forName(className(TESTS.resolve("fi/ikkuna/widget").resolve(relative + ".java").normalize()));
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> tags(Class<?> c) {
        return AnnotationSupport.findRepeatableAnnotations(c, Tag.class).stream().map(Tag::value).toList();
    }

    private static String className(Path source) {
        String rel = TESTS.relativize(source).toString();
        return rel.substring(0, rel.length() - ".java".length()).replace('/', '.');
    }

}
