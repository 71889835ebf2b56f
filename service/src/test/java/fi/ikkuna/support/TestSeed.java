package fi.ikkuna.support;

import java.util.Locale;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * One seed for every randomized test: {@code -Dikkuna.test.seed} is read by the JUnit 5 tests themselves; the Lucene
 * token-stream tests run on randomizedtesting, which reads {@code tests.seed} (hex) when the vintage engine discovers
 * them, so the launcher hands the same seed over first. An explicit {@code -Dtests.seed} wins.
 */
public final class TestSeed implements LauncherSessionListener {
    public static final String PROPERTY = "ikkuna.test.seed";

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String seed = System.getProperty(PROPERTY);
        if (seed != null && !seed.isBlank() && System.getProperty("tests.seed") == null) {
            System.setProperty("tests.seed", randomizedTestingSeed(Long.parseLong(seed.trim())));
        }
    }

    /** randomizedtesting's spelling of a seed: unsigned hex. */
    public static String randomizedTestingSeed(long seed) {
        return Long.toHexString(seed).toUpperCase(Locale.ROOT);
    }
}
