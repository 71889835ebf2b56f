package fi.ikkuna.triage.load;

import fi.ikkuna.triage.RuleLoadException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A YAML value that remembers its file and line, so semantic errors (unknown queue, bad query) can be
 * reported as precisely as syntax errors. Value is a Map, a List, a String or null.
 */
public record YamlNode(Path file, int line, Object value) {

    public RuleLoadException error(String reason) {
        return new RuleLoadException(file, line, reason);
    }

    @SuppressWarnings("unchecked")
    public Map<String, YamlNode> map() {
        if (value instanceof Map<?, ?> m) {
            return (Map<String, YamlNode>) m;
        }
        throw error("expected a mapping");
    }

    @SuppressWarnings("unchecked")
    public List<YamlNode> list() {
        if (value instanceof List<?> l) {
            return (List<YamlNode>) l;
        }
        throw error("expected a list");
    }

    public String text() {
        if (value instanceof String s) {
            return s;
        }
        throw error("expected a scalar value");
    }

    public boolean isList() {
        return value instanceof List<?>;
    }

    public boolean isMap() {
        return value instanceof Map<?, ?>;
    }

    public Optional<YamlNode> opt(String key) {
        YamlNode n = map().get(key);
        return n == null || n.value == null ? Optional.empty() : Optional.of(n);
    }

    public YamlNode get(String key) {
        return opt(key).orElseThrow(() -> error("missing required key '" + key + "'"));
    }

    public String str(String key) {
        return get(key).text();
    }

    public Optional<String> optStr(String key) {
        return opt(key).map(YamlNode::text);
    }

    public Optional<Integer> optInt(String key) {
        return opt(key).map(n -> n.parseInt());
    }

    public int parseInt() {
        try {
            return Integer.parseInt(text().trim());
        } catch (NumberFormatException e) {
            throw error("expected an integer, got '" + text() + "'");
        }
    }

    public Optional<Boolean> optBool(String key) {
        return opt(key).map(n -> switch (n.text().trim()) {
            case "true", "yes" -> true;
            case "false", "no" -> false;
            default -> throw n.error("expected true or false, got '" + n.text() + "'");
        });
    }

    /** A scalar or a list of scalars, as a list; absent means empty. */
    public List<String> strings(String key) {
        Optional<YamlNode> n = opt(key);
        if (n.isEmpty()) {
            return List.of();
        }
        if (!n.get().isList()) {
            return List.of(n.get().text());
        }
        List<String> out = new ArrayList<>();
        for (YamlNode item : n.get().list()) {
            out.add(item.text());
        }
        return List.copyOf(out);
    }

    /** Rejects keys outside the schema, so a typo is an error instead of a silently ignored condition. */
    public YamlNode checkKeys(String... allowed) {
        for (String key : map().keySet()) {
            if (!List.of(allowed).contains(key)) {
                throw map().get(key).error("unknown key '" + key + "' (allowed: " + String.join(", ", allowed) + ")");
            }
        }
        return this;
    }
}
