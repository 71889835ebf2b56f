package fi.ikkuna.bench;

import fi.ikkuna.triage.Channel;
import fi.ikkuna.triage.Contact;
import fi.ikkuna.triage.RuleTriagePipeline;
import fi.ikkuna.triage.TriageOutcome;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Whole-pipeline latency per contact with 2,000 generated FAQ entries and 1,000 generated rules (plus the real
 * ones), on one thread, against a bare Lucene TermQuery on the same FAQ index as the floor. Sample-time mode
 * reports p50/p99/p99.9.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xmx1g"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class PipelineBench {
    /** A common word of the generated FAQ, on the Finnish questions' index. */
    private static final TermQuery FLOOR = new TermQuery(new Term("phrasing", "aika"));
    private RuleTriagePipeline pipeline;
    private IndexSearcher faqSearcher;
    private List<String> texts;
    private int next;
    private final ZonedDateTime at = ZonedDateTime.parse("2026-11-23T09:15:00+02:00[Europe/Helsinki]");

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Path real = Path.of(System.getProperty("ikkuna.rules.dir", "triage-rules")).toAbsolutePath();
        Path dir = BenchData.generate(real, Files.createTempDirectory("ikkuna-bench"), 2_000, 1_000, 42);
        pipeline = RuleTriagePipeline.load(dir, ZoneId.of("Europe/Helsinki"));
        faqSearcher = pipeline.ruleSet().faq().searcher("fi");
        texts = BenchData.sampleTexts(real);
        int floorHits = faqSearcher.count(FLOOR);
        if (floorHits == 0) {
            throw new IllegalStateException("the floor query " + FLOOR + " matches nothing: it would measure an empty search");
        }
        System.out.println("\nFAQ entries " + BenchData.faqSize(pipeline) + ", rules " + BenchData.ruleCount(pipeline)
                + ", sample texts " + texts.size() + ", floor query hits " + floorHits + ", Finnish analysis " + pipeline.ruleSet().analysis().finnish());
    }

    @Benchmark
    public TriageOutcome wholePipeline() {
        String text = texts.get(next++ % texts.size());
        return pipeline.triage(new Contact(text, "fi", Channel.CHAT, 40, null, at));
    }

    @Benchmark
    public TopDocs bareTermQueryFloor() throws IOException {
        return faqSearcher.search(FLOOR, 5);
    }
}
