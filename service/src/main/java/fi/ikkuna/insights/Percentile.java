package fi.ikkuna.insights;

import java.util.List;

/**
 * Nearest-rank percentiles: the smallest sample such that at least p % of the samples are at or below it.
 * Chosen over interpolation because every reported value is a wait that really happened, and the
 * answer is exact on both databases and in tests.
 */
public final class Percentile {
    private Percentile() {
    }

    /** {@code p} in (0, 100]; samples need not be sorted; null for no samples. */
    public static Long of(List<Long> samples, int p) {
        if (samples.isEmpty()) {
            return null;
        }
        long[] sorted = samples.stream().mapToLong(Long::longValue).sorted().toArray();
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }
}
