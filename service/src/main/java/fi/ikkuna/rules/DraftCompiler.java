package fi.ikkuna.rules;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Compiles rule files with a cache by content hash: validating as the editor types, trying and testing the same
 * draft should not rebuild the analysers and the FAQ index every time. The cache is bounded by the compiled sets'
 * estimated heap ({@link CompiledRules#ramBytesEstimate}), not by their count (issue 13.3: three saves of a draft of
 * leading-wildcard clauses pinned 5 GB in a six-entry cache); a set larger than the whole budget is not kept.
 */
final class DraftCompiler {
    private final Function<RuleFiles, CompiledRules> compile;
    private final ToLongFunction<CompiledRules> weigh;
    private final long budgetBytes;
    private final Map<String, Entry> cache = new LinkedHashMap<>(16, 0.75f, true);
    private long usedBytes;

    private record Entry(CompiledRules rules, long bytes) {
    }

    DraftCompiler(Function<RuleFiles, CompiledRules> compile, ToLongFunction<CompiledRules> weigh, long budgetBytes) {
        this.compile = compile;
        this.weigh = weigh;
        this.budgetBytes = budgetBytes;
    }

    DraftCompiler(RuleVersions versions, long budgetBytes) {
        this(versions::compile, CompiledRules::ramBytesEstimate, budgetBytes);
    }

    CompiledRules compile(RuleFiles files) {
        String key = files.hash();
        synchronized (cache) {
            Entry hit = cache.get(key);
            if (hit != null) {
                return hit.rules();
            }
        }
        CompiledRules compiled = compile.apply(files);
        long bytes = weigh.applyAsLong(compiled);
        synchronized (cache) {
            if (bytes <= budgetBytes && !cache.containsKey(key)) {
                cache.put(key, new Entry(compiled, bytes));
                usedBytes += bytes;
                Iterator<Entry> eldest = cache.values().iterator();
                while (usedBytes > budgetBytes && eldest.hasNext()) {
                    usedBytes -= eldest.next().bytes();
                    eldest.remove();
                }
            }
        }
        return compiled;
    }

    /** Estimated bytes held now; for tests. */
    long usedBytes() {
        synchronized (cache) {
            return usedBytes;
        }
    }
}
