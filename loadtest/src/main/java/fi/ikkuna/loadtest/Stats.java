package fi.ikkuna.loadtest;

import java.util.Locale;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** A latency histogram in microseconds (HdrHistogram, 3 significant digits, up to 10 minutes). */
final class Stats {
    final String name;
    final Histogram h = new ConcurrentHistogram(600_000_000L, 3);

    Stats(String name) {
        this.name = name;
    }

    void recordNanos(long nanos) {
        h.recordValue(Math.max(1, Math.min(nanos / 1000, 600_000_000L)));
    }

    long count() {
        return h.getTotalCount();
    }

    double p(double percentile) {
        return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(percentile) / 1000.0;
    }

    double max() {
        return h.getTotalCount() == 0 ? Double.NaN : h.getMaxValue() / 1000.0;
    }

    static String ms(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, v < 10 ? "%.2f" : "%.1f", v);
    }
}
