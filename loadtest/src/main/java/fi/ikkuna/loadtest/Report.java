package fi.ikkuna.loadtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/** The markdown report: printed as it grows, appended to {@code --out} at the end; machine facts and table rows. */
final class Report {
    private final Options o;
    private final StringBuilder text = new StringBuilder();

    Report(Options o) {
        this.o = o;
    }

    void line(String s) {
        System.out.println(s);
        text.append(s).append('\n');
    }

    void flush() throws IOException {
        if (!o.get("out").isBlank()) {
            Files.writeString(Path.of(o.get("out")), text.toString() + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    void machine() {
        String cpu = "?";
        long memKb = 0;
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
            memKb = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
                    .findFirst().map(l -> Long.parseLong(l.replaceAll("\\D", ""))).orElse(0L);
        } catch (IOException e) {
            // leave unknown
        }
        line(String.format(Locale.ROOT, "- machine: %d cores (%s), %.1f GiB memory, load average at start %s",
                Runtime.getRuntime().availableProcessors(), cpu, memKb / 1048576.0, loadavg()));
        line("- JDK: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + " (harness and service)");
        line("- options: " + o);
    }

    static String loadavg() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    /** A latency row: count and percentiles, and beside them the floor's and the ratio to it when there is a floor. */
    static String row(Stats s, Stats floor) {
        StringBuilder b = new StringBuilder("| ").append(s.name).append(" | ").append(s.count()).append(" | ")
                .append(Stats.ms(s.p(50))).append(" | ").append(Stats.ms(s.p(90))).append(" | ").append(Stats.ms(s.p(99)))
                .append(" | ").append(Stats.ms(s.max())).append(" | ");
        if (floor == null) {
            b.append("| | | | | |");
        } else {
            b.append(Stats.ms(floor.p(50))).append(" | ").append(Stats.ms(floor.p(99))).append(" | ").append(Stats.ms(floor.max()))
                    .append(" | ").append(ratio(s.p(50), floor.p(50))).append(" | ").append(ratio(s.p(99), floor.p(99)))
                    .append(" | ").append(ratio(s.max(), floor.max())).append(" |");
        }
        return b.toString();
    }

    private static String ratio(double a, double b) {
        return Double.isNaN(a) || Double.isNaN(b) || b == 0 ? "–" : String.format(Locale.ROOT, "%.1f×", a / b);
    }
}
