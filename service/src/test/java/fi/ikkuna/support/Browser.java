package fi.ikkuna.support;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's chromedriver. Both paths are given explicitly so Selenium
 * Manager never looks for (or downloads) a browser or driver; a fresh profile per browser, no background networking.
 */
public final class Browser implements AutoCloseable {
    public static final String CHROMIUM = System.getProperty("ikkuna.test.chromium", "/usr/bin/chromium");
    public static final String CHROMEDRIVER = System.getProperty("ikkuna.test.chromedriver", "/usr/bin/chromedriver");
    public static final Duration WAIT = Duration.ofSeconds(15);
    private static final String AXE = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";

    public final ChromeDriver driver;
    public final Path downloads;
    private final Path profile;

    private Browser(int width, int height, String lang) {
        this(width, height, lang, List.of());
    }

    private Browser(int width, int height, String lang, List<String> extraArguments) {
        for (String p : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!new File(p).canExecute()) {
                throw new IllegalStateException(p + " is missing: apt-get install chromium chromium-driver (see .ci/run)");
            }
        }
        try {
            profile = Files.createTempDirectory("ikkuna-chromium");
            downloads = Files.createTempDirectory("ikkuna-downloads");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM);
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile, "--window-size=" + width + "," + height, "--lang=" + lang);
        o.addArguments(extraArguments);
        // A stray alert() must stay open so the XSS tests can see it, rather than being dismissed silently.
        o.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("download.default_directory", downloads.toString());
        prefs.put("download.prompt_for_download", false);
        o.setExperimentalOption("prefs", prefs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        driver = new ChromeDriver(service, o);
        driver.executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", downloads.toString(), "eventsEnabled", true));
    }

    public static Browser start() {
        return new Browser(1280, 900, "fi");
    }

    public static Browser start(int width, int height) {
        return new Browser(width, height, "fi");
    }

    /** A browser whose own language (and so its default date format) is {@code lang}, e.g. en-US. */
    public static Browser start(int width, int height, String lang) {
        return new Browser(width, height, lang);
    }

    /**
     * A browser with Chromium's fake camera and microphone (a test pattern and a beep), allowed without asking: for the
     * video call tests only (VideoCallBrowserTest), so no other test gets devices it did not ask for.
     */
    public static Browser startWithFakeMedia() {
        return new Browser(1280, 900, "fi", List.of("--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream"));
    }

    public <T> T until(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT).until(condition);
    }

    /**
     * Runs axe-core in the current document (top page or the frame switched to) for WCAG 2.0/2.1 A and AA and
     * returns the violations as JSON ("[]" when there are none). Frames are checked separately by the caller.
     */
    @SuppressWarnings("unchecked")
    public String axeViolations() {
        driver.executeScript(axeSource());
        Object result = driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { iframes: false, runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
                  .then(r => done(r.passes.length === 0 ? 'axe checked nothing' : JSON.stringify(r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,
                      nodes: v.nodes.map(n => n.target.join(' ') + ' :: ' + n.failureSummary) })))))
                  .catch(e => done('axe failed: ' + e));
                """);
        return String.valueOf(result);
    }

    private static String axeSource() {
        try (InputStream in = Browser.class.getClassLoader().getResourceAsStream(AXE)) {
            if (in == null) {
                throw new IllegalStateException("axe-core WebJar missing from the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            for (Path dir : List.of(profile, downloads)) {
                try (Stream<Path> s = Files.walk(dir)) {
                    s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                } catch (IOException e) {
                    // best effort: a temp folder left behind is harmless
                }
            }
        }
    }
}
