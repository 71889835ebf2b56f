package fi.ikkuna.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Issue 15.2: {@code web} is the edge every feature and both sockets use; {@code protocol} is WebSocket plumbing
 * on top of it. The edge reaching back into the sockets would make the two one tangle again.
 */
class EdgeLayersTest {
    private static final Path MAIN = Path.of("src/main/java/fi/ikkuna");

    @Test
    void theHttpEdgeDoesNotUseTheSocketPlumbing() throws IOException {
        assertEquals(List.of(), importing(MAIN.resolve("web"), "fi.ikkuna.protocol."));
    }

    /** The merged classes stay merged: one refusal type, one wrapper, one headers filter. */
    @Test
    void theOldEdgeClassesAreGone() {
        for (String old : new String[] {"form/ApiError", "form/Rest", "protocol/HttpErrors", "protocol/EdgeHeaders",
                "widget/SecurityHeaders", "console/SecurityHeaders", "protocol/Json", "protocol/ErrorCode"}) {
            assertTrue(Files.notExists(MAIN.resolve(old + ".java")), old + " is back: run service/src/main/scripts/move-to-web.sh");
        }
    }

    private static List<String> importing(Path dir, String prefix) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".java")).filter(p -> {
                try {
                    return Files.readAllLines(p).stream().anyMatch(l -> l.startsWith("import " + prefix));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
