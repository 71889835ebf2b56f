package fi.ikkuna;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import io.helidon.config.Config;

/**
 * Lets every configuration key be set by the environment variable an operator would guess:
 * {@code ikkuna.ws.allowed-origins} ← {@code IKKUNA_WS_ALLOWED_ORIGINS}. Helidon's own mapping only turns
 * {@code _DASH_} into a dash, which silently ignores the intuitive name for keys with dashes.
 */
final class EnvAliases {
    private EnvAliases() {
    }

    /** Overrides for the leaf keys of {@code defaults} whose upper-case, underscore spelling is set in {@code env}. */
    static Map<String, String> of(Config defaults, Map<String, String> env) {
        Map<String, String> out = new HashMap<>();
        defaults.traverse().filter(Config::isLeaf).forEach(node -> {
            String key = node.key().toString();
            String name = key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
            String value = env.get(name);
            if (value != null) {
                out.put(key, value);
            }
        });
        // The name issue 17 and docs/cluster.md give operators; IKKUNA_CLUSTER_NATS_URL works too.
        String nats = env.get("IKKUNA_NATS_URL");
        if (nats != null && !out.containsKey("ikkuna.cluster.nats-url")) {
            out.put("ikkuna.cluster.nats-url", nats);
        }
        return out;
    }
}
