package fi.ikkuna;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.Test;

/** The README's environment variable names reach keys with dashes, which Helidon's own mapping misses. */
class EnvAliasesTest {
    private final Config defaults = Config.just(ConfigSources.classpath("application.yaml"));

    @Test
    void dashedKeysTakeTheIntuitiveName() {
        Map<String, String> aliases = EnvAliases.of(defaults, Map.of("IKKUNA_WS_ALLOWED_ORIGINS", "https://a.example",
                "IKKUNA_AUTH_SECURE_COOKIES", "true", "IKKUNA_DB_POOL_SIZE", "32", "UNRELATED", "x"));
        assertEquals(Map.of("ikkuna.ws.allowed-origins", "https://a.example", "ikkuna.auth.secure-cookies", "true",
                "ikkuna.db.pool-size", "32"), aliases);
        Config config = Config.builder().disableEnvironmentVariablesSource().disableSystemPropertiesSource()
                .sources(ConfigSources.create(aliases), ConfigSources.classpath("application.yaml")).build();
        assertEquals(32, config.get("ikkuna.db.pool-size").asInt().get());
        assertEquals("https://a.example", config.get("ikkuna.ws.allowed-origins").asString().get());
    }

    @Test
    void unknownNamesChangeNothing() {
        assertFalse(EnvAliases.of(defaults, Map.of("IKKUNA_NOT_A_KEY", "1")).containsKey("ikkuna.not.a.key"));
    }

    /** Issue 17 names the broker's variable IKKUNA_NATS_URL; the generic spelling of the key works as well. */
    @Test
    void theNatsUrlTakesTheIssuesName() {
        assertEquals("nats://10.0.0.5:4222", EnvAliases.of(defaults, Map.of("IKKUNA_NATS_URL", "nats://10.0.0.5:4222"))
                .get("ikkuna.cluster.nats-url"));
        assertEquals("nats://b:4222", EnvAliases.of(defaults, Map.of("IKKUNA_CLUSTER_NATS_URL", "nats://b:4222"))
                .get("ikkuna.cluster.nats-url"));
    }
}
