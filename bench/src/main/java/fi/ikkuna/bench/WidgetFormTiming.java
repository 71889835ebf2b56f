package fi.ikkuna.bench;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 14.11's measurement: how long the resident waits between pressing "Lähetä" on a form and seeing the
 * confirmation, against how long the request itself took (Resource Timing of the submissions POST), in Debian's
 * headless Chromium against a running service. The difference is what the widget adds. A load harness, not a test:
 * timings belong in a report (docs/performance.md), never in an assertion.
 *
 * <pre>java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" fi.ikkuna.bench.WidgetFormTiming [base] [rounds]</pre>
 */
public final class WidgetFormTiming {
    /** Marks the click and the confirmation's arrival in page time, so no WebDriver round trip is counted. */
    private static final String OBSERVE = """
            const doc = document;
            window.__t = {};
            doc.getElementById('form-send').addEventListener('click', () => { window.__t.click = performance.now(); }, { capture: true });
            new MutationObserver((_, o) => {
              if (doc.getElementById('form-done')) { window.__t.done = performance.now(); o.disconnect(); }
            }).observe(doc.getElementById('forms-body'), { childList: true, subtree: true });
            """;
    private static final String READ = """
            const e = performance.getEntriesByType('resource').filter((r) => r.name.includes('/submissions')).pop();
            return window.__t.done ? [window.__t.done - window.__t.click, e ? e.responseEnd - e.startTime : -1] : null;
            """;

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8080";
        // ContactRates lets one address start 20 contacts at once (contacts-per-address-burst): stay under it.
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        ChromeDriver driver = chromium();
        List<double[]> samples = new ArrayList<>();
        try {
            for (int i = 0; i < rounds; i++) {
                samples.add(round(driver, base, i));
            }
        } finally {
            driver.quit();
        }
        report("click → confirmation shown", samples, 0);
        report("the POST itself (Resource Timing)", samples, 1);
        double[] added = samples.stream().mapToDouble(s -> s[0] - s[1]).sorted().toArray();
        System.out.printf("widget's own share: p50 %.1f ms, max %.1f ms (%d rounds, first round included)%n",
                added[added.length / 2], added[added.length - 1], added.length);
    }

    private static double[] round(ChromeDriver driver, String base, int i) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        driver.switchTo().defaultContent();
        // Each round is a new resident: the panel's remembered open state and any conversation are forgotten.
        driver.get(base + "/demo?lang=fi");
        driver.executeScript("sessionStorage.clear(); localStorage.clear();");
        driver.navigate().refresh();
        // The loader is ready once its label has arrived with the i18n file (as the browser tests wait).
        wait.until(d -> !"Ikkuna".equals(d.findElement(By.id("ikkuna-launcher")).getText()));
        driver.findElement(By.id("ikkuna-launcher")).click();
        wait.until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.cssSelector("#ikkuna-panel iframe")));
        wait.until(d -> ((JavascriptExecutor) d).executeScript(
                "return document.getElementById('counter') && document.getElementById('counter').textContent !== ''"));
        driver.findElement(By.id("mode-form")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#form-list button[data-form='contact-request']"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("form-send")));
        new Select(driver.findElement(By.id("f-topic"))).selectByValue("health");
        driver.findElement(By.id("f-description")).sendKeys("Kurkku on ollut kipeä kolme päivää, kuumetta ei ole (" + i + ")");
        driver.findElement(By.id("f-phone")).sendKeys("040 123 4567");
        driver.findElement(By.id("f-consent")).click();
        JavascriptExecutor js = driver;
        js.executeScript("performance.clearResourceTimings();" + OBSERVE);
        driver.findElement(By.id("form-send")).click();
        Object read = wait.until(d -> js.executeScript(READ));
        List<?> pair = (List<?>) read;
        return new double[] {((Number) pair.get(0)).doubleValue(), ((Number) pair.get(1)).doubleValue()};
    }

    private static void report(String what, List<double[]> samples, int column) {
        double[] v = samples.stream().mapToDouble(s -> s[column]).sorted().toArray();
        System.out.printf("%s: first %.1f ms, p50 %.1f ms, p95 %.1f ms, max %.1f ms%n", what, samples.get(0)[column],
                v[v.length / 2], v[(int) Math.min(v.length - 1, Math.ceil(v.length * 0.95) - 1)], v[v.length - 1]);
    }

    private static ChromeDriver chromium() throws Exception {
        Path profile = Files.createTempDirectory("ikkuna-bench-chromium");
        ChromeOptions o = new ChromeOptions();
        o.setBinary(System.getProperty("ikkuna.chromium", "/usr/bin/chromium"));
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1280,900", "--lang=fi");
        o.setExperimentalOption("prefs", Map.of());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("ikkuna.chromedriver", "/usr/bin/chromedriver")))
                .usingAnyFreePort().build();
        return new ChromeDriver(service, o);
    }

    private WidgetFormTiming() {
    }
}
