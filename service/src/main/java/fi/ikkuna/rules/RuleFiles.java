package fi.ikkuna.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.type.TypeReference;
import fi.ikkuna.web.Json;

/**
 * A rule set as files: relative path (with '/') to content. Only the YAML content files count; the
 * README and anything else in the directory are documentation, not rules.
 */
public record RuleFiles(SortedMap<String, String> files) {

    public RuleFiles {
        files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
    }

    public static RuleFiles read(Path dir) {
        SortedMap<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).filter(RuleFiles::isRuleFile).toList()) {
                out.put(dir.relativize(p).toString().replace('\\', '/'), Files.readString(p, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read rules directory " + dir, e);
        }
        return new RuleFiles(out);
    }

    static boolean isRuleFile(Path p) {
        String name = p.getFileName().toString();
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    /** Writes the files into an empty directory so the pipeline can load them. */
    public void writeTo(Path dir) {
        try {
            for (Map.Entry<String, String> f : files.entrySet()) {
                Path target = dir.resolve(f.getKey()).normalize();
                if (!target.startsWith(dir)) {
                    throw new IllegalArgumentException("path escapes the rules directory: " + f.getKey());
                }
                Files.createDirectories(target.getParent());
                Files.writeString(target, f.getValue(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Characters in all files together. */
    public long totalChars() {
        return files.values().stream().mapToLong(String::length).sum();
    }

    public String hash() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            files.forEach((k, v) -> {
                md.update(k.getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(v.getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            });
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public String toJson() {
        return Json.write(files);
    }

    public static RuleFiles fromJson(String json) {
        try {
            return new RuleFiles(Json.MAPPER.readValue(json, new TypeReference<TreeMap<String, String>>() { }));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public RuleFiles with(String path, String content) {
        SortedMap<String, String> copy = new TreeMap<>(files);
        if (content == null) {
            copy.remove(path);
        } else {
            copy.put(path, content);
        }
        return new RuleFiles(copy);
    }
}
