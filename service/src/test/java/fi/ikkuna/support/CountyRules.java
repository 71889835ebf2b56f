package fi.ikkuna.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/** Rule directories for tests: the county's real content, or its skeleton without rules and FAQ. */
public final class CountyRules {
    private static Path core;

    private CountyRules() {
    }

    /** The real triage-rules/ directory of the repository. */
    public static Path dir() {
        return Path.of(System.getProperty("ikkuna.rules.dir", "../triage-rules")).toAbsolutePath().normalize();
    }

    /**
     * The real queues, settings and deadlines with no safety/routing rules and no FAQ: every contact goes
     * to a person in the default queue (general). Conversation-core tests use it so that tuning the county's
     * content can never change what they prove.
     */
    public static synchronized Path coreOnly() {
        if (core == null) {
            try {
                core = Files.createTempDirectory("ikkuna-core-rules");
                for (String f : List.of("queues.yaml", "settings.yaml", "deadlines.yaml", "console.yaml")) {
                    Files.copy(dir().resolve(f), core.resolve(f), StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return core;
    }

    /** Config override selecting {@link #coreOnly()}. */
    public static Map<String, String> coreConfig() {
        return Map.of("ikkuna.rules.dir", coreOnly().toString());
    }
}
