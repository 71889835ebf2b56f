package fi.ikkuna.rules;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;

/** Unified diff between two rule sets, file by file, as git would show it. */
final class RuleDiff {
    private RuleDiff() {
    }

    static String between(RuleFiles before, RuleFiles after) {
        Set<String> names = new TreeSet<>(before.files().keySet());
        names.addAll(after.files().keySet());
        StringBuilder out = new StringBuilder();
        for (String name : names) {
            List<String> a = lines(before.files().get(name));
            List<String> b = lines(after.files().get(name));
            if (a.equals(b)) {
                continue;
            }
            List<String> unified = UnifiedDiffUtils.generateUnifiedDiff(
                    before.files().containsKey(name) ? "a/" + name : "/dev/null",
                    after.files().containsKey(name) ? "b/" + name : "/dev/null", a, DiffUtils.diff(a, b), 3);
            unified.forEach(l -> out.append(l).append('\n'));
        }
        return out.toString();
    }

    private static List<String> lines(String content) {
        return content == null ? List.of() : Arrays.asList(content.split("\n", -1));
    }
}
