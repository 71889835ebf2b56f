package fi.ikkuna.insights;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

/** Collects data points per metric name, so one name with many label sets becomes one Prometheus family. */
final class Snapshots {
    private final Map<String, String> help = new LinkedHashMap<>();
    private final Map<String, List<GaugeSnapshot.GaugeDataPointSnapshot>> gauges = new LinkedHashMap<>();
    private final Map<String, List<CounterSnapshot.CounterDataPointSnapshot>> counters = new LinkedHashMap<>();

    /** A gauge point; a null value (nothing to divide, no samples) is left out rather than reported as 0. */
    void gauge(String name, String text, Object value, String... labels) {
        help.putIfAbsent(name, text);
        List<GaugeSnapshot.GaugeDataPointSnapshot> points = gauges.computeIfAbsent(name, k -> new ArrayList<>());
        if (value != null) {
            points.add(GaugeSnapshot.GaugeDataPointSnapshot.builder().value(((Number) value).doubleValue())
                    .labels(Labels.of(labels)).build());
        }
    }

    /** A counter point; the exposition adds the {@code _total} suffix. */
    void counter(String name, String text, double value, String... labels) {
        help.putIfAbsent(name, text);
        counters.computeIfAbsent(name, k -> new ArrayList<>())
                .add(CounterSnapshot.CounterDataPointSnapshot.builder().value(value).labels(Labels.of(labels)).build());
    }

    MetricSnapshots build() {
        List<MetricSnapshot> out = new ArrayList<>();
        counters.forEach((name, points) -> {
            CounterSnapshot.Builder b = CounterSnapshot.builder().name(name).help(help.get(name));
            points.forEach(b::dataPoint);
            out.add(b.build());
        });
        gauges.forEach((name, points) -> {
            GaugeSnapshot.Builder b = GaugeSnapshot.builder().name(name).help(help.get(name));
            points.forEach(b::dataPoint);
            out.add(b.build());
        });
        return new MetricSnapshots(out);
    }
}
