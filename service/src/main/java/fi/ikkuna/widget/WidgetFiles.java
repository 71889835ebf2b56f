package fi.ikkuna.widget;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The widget's files from the classpath, read once each and kept with their ETag. Only files that exist are kept:
 * remembering misses let anyone grow the heap with unique 404 paths (issue 13.9), and a miss costs only a
 * classpath lookup.
 */
final class WidgetFiles {
    /** Plain names in at most one folder: no "..", no absolute paths, nothing outside the widget. */
    private static final Pattern SAFE = Pattern.compile("([a-z0-9-]+/)?[a-z0-9-]+\\.[a-z]{2,4}");

    record Entry(byte[] bytes, String etag) {
    }

    private final String root;
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    WidgetFiles(String root) {
        this.root = root;
    }

    Optional<Entry> get(String name) {
        if (!SAFE.matcher(name).matches()) {
            return Optional.empty();
        }
        // computeIfAbsent stores nothing when load answers null.
        return Optional.ofNullable(cache.computeIfAbsent(name, this::load));
    }

    /** Entries held in memory (for the test that keeps this bounded). */
    int size() {
        return cache.size();
    }

    private Entry load(String name) {
        try (InputStream in = WidgetFiles.class.getClassLoader().getResourceAsStream(root + name)) {
            if (in == null) {
                return null;
            }
            byte[] bytes = in.readAllBytes();
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
            return new Entry(bytes, "\"" + HexFormat.of().formatHex(hash, 0, 12) + "\"");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
