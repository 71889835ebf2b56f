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

/** The widget's files from the classpath, read once each and kept with their ETag. */
final class WidgetFiles {
    /** Plain names in at most one folder: no "..", no absolute paths, nothing outside the widget. */
    private static final Pattern SAFE = Pattern.compile("([a-z0-9-]+/)?[a-z0-9-]+\\.[a-z]{2,4}");

    record Entry(byte[] bytes, String etag) {
    }

    private final String root;
    private final Map<String, Optional<Entry>> cache = new ConcurrentHashMap<>();

    WidgetFiles(String root) {
        this.root = root;
    }

    Optional<Entry> get(String name) {
        if (!SAFE.matcher(name).matches()) {
            return Optional.empty();
        }
        return cache.computeIfAbsent(name, this::load);
    }

    private Optional<Entry> load(String name) {
        try (InputStream in = WidgetFiles.class.getClassLoader().getResourceAsStream(root + name)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] bytes = in.readAllBytes();
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
            return Optional.of(new Entry(bytes, "\"" + HexFormat.of().formatHex(hash, 0, 12) + "\""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
