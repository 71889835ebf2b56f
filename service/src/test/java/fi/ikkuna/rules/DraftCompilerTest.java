package fi.ikkuna.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import fi.ikkuna.support.CountyRules;
import org.junit.jupiter.api.Test;

/** Issue 13.3: compiled drafts are cached by estimated heap, not by count. */
class DraftCompilerTest {

    private static RuleFiles files(String name, int size) {
        TreeMap<String, String> m = new TreeMap<>();
        m.put(name, "x".repeat(size));
        return new RuleFiles(m);
    }

    @Test
    void evictsLeastRecentlyUsedByWeightAndKeepsNothingLargerThanTheBudget() {
        AtomicInteger compiles = new AtomicInteger();
        DraftCompiler c = new DraftCompiler(f -> {
            compiles.incrementAndGet();
            return new CompiledRules(f, null, null);
        }, r -> r.files().totalChars(), 100);
        CompiledRules a = c.compile(files("a", 40));
        c.compile(files("b", 40));
        assertSame(a, c.compile(files("a", 40)), "a cached draft is not compiled again");
        assertEquals(2, compiles.get());
        c.compile(files("c", 40)); // 120 > 100: b, the least recently used, goes
        assertEquals(80, c.usedBytes());
        c.compile(files("a", 40));
        assertEquals(3, compiles.get(), "a stayed");
        c.compile(files("b", 40));
        assertEquals(4, compiles.get(), "b was evicted");
        c.compile(files("huge", 500)); // larger than the whole budget: compiled, never kept
        c.compile(files("huge", 500));
        assertEquals(6, compiles.get());
        assertTrue(c.usedBytes() <= 100, "used " + c.usedBytes());
    }

    /**
     * The estimate follows what a draft pins: 2,000 leading-wildcard patterns (each an automaton) weigh more than the
     * county's whole rule set. Also prints the measured heap of a compiled county rule set next to the estimate.
     */
    @Test
    void estimateCountsAutomata() throws Exception {
        Path scratch = Files.createTempDirectory("compile-");
        RuleFiles county = RuleFiles.read(CountyRules.dir());
        long before = usedHeap();
        CompiledRules base = CompiledRules.compile(county, scratch, ZoneId.of("Europe/Helsinki"));
        long measured = usedHeap() - before;
        System.out.printf("county rules: %d chars, matcher %d B, estimate %d B, measured heap growth %d B%n",
                county.totalChars(), base.pipeline().ruleSet().matcher().ramBytesUsed(), base.ramBytesEstimate(), measured);
        StringBuilder yaml = new StringBuilder("rules:\n");
        for (int r = 0; r < 4; r++) {
            yaml.append("  - id: wild-").append(r).append("\n    urgency: non_urgent\n    match:\n      fi: '");
            for (int i = 0; i < 500; i++) {
                yaml.append(i == 0 ? "" : " OR ").append("*x").append(r).append('y').append(i).append("*z");
            }
            yaml.append("'\n");
        }
        CompiledRules wild = CompiledRules.compile(county.with("rules/99-wild.yaml", yaml.toString()), scratch, ZoneId.of("Europe/Helsinki"));
        long automata = wild.pipeline().ruleSet().matcher().ramBytesUsed() - base.pipeline().ruleSet().matcher().ramBytesUsed();
        System.out.printf("2000 wildcard patterns: matcher +%d B%n", automata);
        assertTrue(automata > 2000L * 1000, "2000 automata estimated at only " + automata + " B");
    }

    private static long usedHeap() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
