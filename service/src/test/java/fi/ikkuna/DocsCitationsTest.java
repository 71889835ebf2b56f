package fi.ikkuna;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The docs name the tests that hold each invariant; a renamed or deleted test must not leave a citation that points
 * nowhere. Cited: {@code SomethingTest} / {@code SomethingContract}, {@code SomethingTest.method}, and bare
 * {@code `methodName`} after a cited class on the same line ({@code `FooTest` (`a`, `b`)}). Sources of every
 * module count (the load harness is cited too); a method may live in a superclass (the contract a runner extends).
 */
class DocsCitationsTest {
    private static final Path ROOT = Path.of("..");
    private static final Pattern CITED = Pattern.compile("(?<![*@\\w])([A-Z]\\w*(?:Test|Contract))\\b(?:[.#]([a-z]\\w*))?");
    /** A backticked class citation, or a backticked lowerCamel name that is then a method of the last cited class. */
    private static final Pattern TICKED = Pattern.compile("`([A-Z]\\w*(?:Test|Contract))(?:[.#][a-z]\\w*)?`|`([a-z][a-z0-9]*[A-Z]\\w*)`");
    private static final Pattern DECLARED = Pattern.compile("\\b(?:void|[A-Z]\\w*(?:<[^>()]*>)?|int|long|boolean)\\s+(\\w+)\\s*\\(");
    private static final Pattern EXTENDS = Pattern.compile("\\bextends\\s+(\\w+)");

    private final Map<String, List<String>> sources = javaSources();

    @Test
    void everyCitedTestClassAndMethodExists() throws IOException {
        List<String> missing = new ArrayList<>();
        for (Path doc : docs()) {
            List<String> lines = Files.readAllLines(doc);
            for (int i = 0; i < lines.size(); i++) {
                String where = ROOT.relativize(doc) + ":" + (i + 1) + " ";
                Matcher m = CITED.matcher(lines.get(i));
                while (m.find()) {
                    check(m.group(1), m.group(2), where, missing);
                }
                String last = null;
                Matcher t = TICKED.matcher(lines.get(i));
                while (t.find()) {
                    if (t.group(1) != null) {
                        last = t.group(1);
                    } else if (last != null) {
                        check(last, t.group(2), where, missing);
                    }
                }
            }
        }
        assertEquals(List.of(), missing, "docs cite tests that do not exist");
    }

    /** The check itself can fail: a made-up class and a made-up method are reported. */
    @Test
    void aDanglingCitationIsReported() {
        List<String> missing = new ArrayList<>();
        check("NoSuchThingTest", null, "x ", missing);
        check("DocsCitationsTest", "noSuchMethod", "x ", missing);
        check("DocsCitationsTest", "everyCitedTestClassAndMethodExists", "x ", missing);
        check("DeliveryH2Test", "restartLosesNothingAcknowledged", "x ", missing);
        assertEquals(List.of("x NoSuchThingTest", "x DocsCitationsTest.noSuchMethod"), missing);
    }

    private void check(String cls, String method, String where, List<String> missing) {
        if (!sources.containsKey(cls)) {
            missing.add(where + cls);
        } else if (method != null && !declared(cls, new HashSet<>()).contains(method)) {
            missing.add(where + cls + "." + method);
        }
    }

    /** Methods declared in the class's file or in the files of the classes it extends. */
    private Set<String> declared(String cls, Set<String> seen) {
        Set<String> out = new HashSet<>();
        if (!seen.add(cls)) {
            return out;
        }
        for (String src : sources.getOrDefault(cls, List.of())) {
            Matcher d = DECLARED.matcher(src);
            while (d.find()) {
                out.add(d.group(1));
            }
            Matcher e = EXTENDS.matcher(src);
            while (e.find()) {
                out.addAll(declared(e.group(1), seen));
            }
        }
        return out;
    }

    private static List<Path> docs() throws IOException {
        try (Stream<Path> s = Files.list(ROOT.resolve("docs"))) {
            List<Path> out = new ArrayList<>(s.filter(p -> p.toString().endsWith(".md")).sorted().toList());
            out.add(ROOT.resolve("README.md"));
            assertTrue(out.size() > 5, "docs/ found");
            return out;
        }
    }

    /** Every module's sources (each top-level folder with a src/), by simple class name. */
    private static Map<String, List<String>> javaSources() {
        Map<String, List<String>> out = new HashMap<>();
        try (Stream<Path> modules = Files.list(ROOT)) {
            for (Path src : modules.map(m -> m.resolve("src")).filter(Files::isDirectory).toList()) {
                try (Stream<Path> s = Files.walk(src)) {
                    s.filter(p -> p.toString().endsWith(".java"))
                            .forEach(p -> out.computeIfAbsent(p.getFileName().toString().replace(".java", ""), k -> new ArrayList<>()).add(read(p)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertTrue(out.containsKey("LoadTest") && out.containsKey("DocsCitationsTest"), "the service's and the load harness's sources");
        return out;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
