package fi.ikkuna.rules;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Compiles rule files with a small cache by content hash: validating as the editor types, trying and testing
 * the same draft should not rebuild the analysers and the FAQ index every time.
 */
final class DraftCompiler {
    private static final int SIZE = 6;
    private final RuleVersions versions;
    private final Map<String, CompiledRules> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CompiledRules> eldest) {
            return size() > SIZE;
        }
    };

    DraftCompiler(RuleVersions versions) {
        this.versions = versions;
    }

    CompiledRules compile(RuleFiles files) {
        String key = files.hash();
        synchronized (cache) {
            CompiledRules hit = cache.get(key);
            if (hit != null) {
                return hit;
            }
        }
        CompiledRules compiled = versions.compile(files);
        synchronized (cache) {
            cache.put(key, compiled);
        }
        return compiled;
    }
}
