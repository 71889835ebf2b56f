package fi.ikkuna.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Issue 15.2: {@link ErrorCode} is the one list of codes an error frame or REST error body carries. A client
 * that translates or branches on a code the server never sends is dead code (or a typo that shows the generic
 * text); a code the console can be sent without a sentence shows "something went wrong" instead of the reason.
 * fi/sv/en having the same keys is {@code TextBundlesTest}'s; this test reads the English bundles.
 */
class ErrorCodesTest {
    private static final Path CONSOLE = Path.of("src/main/resources/web/console");
    private static final Path WIDGET = Path.of("../widget");
    /** {@code f.code === 'slot_taken'}, {@code json.error.code === "invalid_fields"}: a client branching on a code. */
    private static final Pattern COMPARED = Pattern.compile("\\bcode\\s*[!=]==\\s*['\"]([a-z_]+)['\"]");
    private static final Pattern PREFIX = Pattern.compile("\\bcode\\.startsWith\\(['\"]([a-z_]+)['\"]\\)");
    /** The widget call screen's map from refusal code to its text ({@code const known = {call_not_open: …}}). */
    private static final Pattern KNOWN_MAP = Pattern.compile("const known = \\{([^}]*)\\}");
    private static final Pattern MAP_KEY = Pattern.compile("([a-z_]+)\\s*:");

    private static final Set<String> WIRE = Arrays.stream(ErrorCode.values()).map(ErrorCode::wire).collect(Collectors.toSet());

    @Test
    void everyCodeTheConsoleTranslatesIsAnErrorCode() throws IOException {
        Set<String> unknown = new TreeSet<>(consoleTexts());
        unknown.removeAll(WIRE);
        assertEquals(Set.of(), unknown, "err_<code> texts in console/i18n for codes ErrorCode does not list");
    }

    @Test
    void everyCodeTheWidgetTranslatesIsAnErrorCode() throws IOException {
        Set<String> codes = new TreeSet<>();
        widgetBundle("en.json").path("error").fieldNames().forEachRemaining(codes::add);
        codes.remove("generic"); // the fallback for a code without its own text
        assertFalse(codes.isEmpty(), "the widget's error texts were not found");
        Matcher m = KNOWN_MAP.matcher(Files.readString(WIDGET.resolve("call.js")));
        assertTrue(m.find(), "widget/call.js no longer maps refusal codes with `const known = {…}`");
        MAP_KEY.matcher(m.group(1)).results().forEach(r -> codes.add(r.group(1)));
        codes.removeAll(WIRE);
        assertEquals(Set.of(), codes, "widget error.<code> texts or call refusals for codes ErrorCode does not list");
    }

    @Test
    void everyCodeTheClientsBranchOnIsAnErrorCode() throws IOException {
        Set<String> unknown = new TreeSet<>();
        int seen = 0;
        for (Path dir : new Path[] {CONSOLE, WIDGET}) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path js : files.filter(p -> p.toString().endsWith(".js")).toList()) {
                    String text = Files.readString(js);
                    for (Matcher m = COMPARED.matcher(text); m.find(); seen++) {
                        if (!WIRE.contains(m.group(1))) {
                            unknown.add(js.getFileName() + ": " + m.group(1));
                        }
                    }
                    for (Matcher m = PREFIX.matcher(text); m.find(); seen++) {
                        String prefix = m.group(1);
                        if (WIRE.stream().noneMatch(w -> w.startsWith(prefix))) {
                            unknown.add(js.getFileName() + ": " + prefix + "*");
                        }
                    }
                }
            }
        }
        assertTrue(seen > 10, "the clients' code comparisons were not found (" + seen + ")");
        assertEquals(Set.of(), unknown, "codes the JS compares with that ErrorCode does not list");
    }

    /**
     * Codes no console page is sent, so no err_ text: the resident's own booking answers (the widget words them,
     * appt.errors), the APIs for programs (triage simulation, forms reload) and Helidon's refusals of a malformed
     * request, which only a client bug sends (the generic sentence is right for those).
     */
    private static final Set<ErrorCode> NOT_FOR_THE_CONSOLE = EnumSet.of(
            ErrorCode.SLOT_UNAVAILABLE, ErrorCode.REQUEST_CLOSED, ErrorCode.TOO_LATE,
            ErrorCode.INVALID_JSON, ErrorCode.INVALID_BODY, ErrorCode.UNKNOWN_FIELD, ErrorCode.REQUIRED, ErrorCode.TOO_LONG,
            ErrorCode.INVALID_VALUE, ErrorCode.INVALID_FORMS,
            ErrorCode.BAD_REQUEST, ErrorCode.METHOD_NOT_ALLOWED, ErrorCode.NOT_ACCEPTABLE, ErrorCode.UNSUPPORTED_MEDIA_TYPE);

    /** The console shows any code it gets through {@code err_<code>} (errors.js): each needs its sentence. */
    @Test
    void theConsoleHasASentenceForEveryErrorCodeItCanGet() throws IOException {
        Set<String> texts = consoleTexts();
        Set<String> missing = new TreeSet<>();
        Set<String> listedButWorded = new TreeSet<>();
        for (ErrorCode c : ErrorCode.values()) {
            boolean exempt = NOT_FOR_THE_CONSOLE.contains(c);
            if (!exempt && !texts.contains(c.wire())) {
                missing.add(c.wire());
            }
            if (exempt && texts.contains(c.wire())) {
                listedButWorded.add(c.wire());
            }
        }
        assertEquals(Set.of(), missing, "ErrorCode codes without err_<code> in console/i18n (en.json or a page's *-en.json)");
        assertEquals(Set.of(), listedButWorded, "has a console text after all: drop it from NOT_FOR_THE_CONSOLE");
    }

    /** err_<code> keys of every console bundle (the console's own, workbench, insights, call), English. */
    private static Set<String> consoleTexts() throws IOException {
        Set<String> codes = new TreeSet<>();
        try (Stream<Path> files = Files.list(CONSOLE.resolve("i18n"))) {
            for (Path f : files.filter(p -> p.getFileName().toString().matches("(.*-)?en\\.json")).toList()) {
                Json.MAPPER.readTree(Files.readString(f)).fieldNames().forEachRemaining(k -> {
                    if (k.startsWith("err_") && !k.equals("err_other")) {
                        codes.add(k.substring(4));
                    }
                });
            }
        }
        assertFalse(codes.isEmpty(), "the console's error texts were not found");
        return codes;
    }

    private static JsonNode widgetBundle(String name) throws IOException {
        return Json.MAPPER.readTree(Files.readString(WIDGET.resolve("i18n").resolve(name)));
    }
}
