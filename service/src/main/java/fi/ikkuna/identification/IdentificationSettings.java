package fi.ikkuna.identification;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.helidon.config.Config;

/**
 * {@code ikkuna.identification}: the provider, the levels of assurance and their {@code acr} values, the claim names
 * and the limits. Levels are ordered: {@code substantial} (eIDAS "korotettu") below {@code high} ("korkea"); a request
 * for a level accepts that level or a higher one.
 */
record IdentificationSettings(boolean enabled, OidcSettings oidc, Map<String, String> acrByLevel, String defaultLevel,
                              String nationalIdClaim, String givenNameClaim, String familyNameClaim, Duration requestTtl,
                              Duration ticketTtl, int attemptsPerConversation, String key) {
    static final List<String> LEVELS = List.of("substantial", "high");

    static IdentificationSettings from(Config c) {
        Map<String, String> acr = new LinkedHashMap<>();
        acr.put("substantial", c.get("levels.substantial").asString().orElse("http://ftn.ficora.fi/2017/loa2"));
        acr.put("high", c.get("levels.high").asString().orElse("http://ftn.ficora.fi/2017/loa3"));
        IdentificationSettings s = new IdentificationSettings(c.get("enabled").asBoolean().orElse(false),
                OidcSettings.from(c, "openid profile personal_identity_code"), acr,
                c.get("default-level").asString().orElse("substantial"),
                c.get("claims.national-id").asString().orElse("nationalIdentificationNumber"),
                c.get("claims.given-name").asString().orElse("given_name"),
                c.get("claims.family-name").asString().orElse("family_name"),
                Duration.ofMinutes(c.get("request-minutes").asInt().orElse(10)),
                Duration.ofSeconds(c.get("ticket-seconds").asInt().orElse(120)),
                c.get("attempts-per-conversation").asInt().orElse(10), c.get("key").asString().orElse(""));
        if (s.enabled()) {
            s.oidc().check("ikkuna.identification");
            if (!LEVELS.contains(s.defaultLevel())) {
                throw new IllegalStateException("ikkuna.identification.default-level must be one of " + LEVELS);
            }
            if (s.key().isBlank()) {
                throw new IllegalStateException("ikkuna.identification.key (IKKUNA_IDENTIFICATION_KEY) is required when "
                        + "identification is enabled: base64 of 32 random bytes, e.g. openssl rand -base64 32");
            }
        }
        return s;
    }

    /** The acr values that satisfy a request for {@code level}: that level's and every higher one's. */
    List<String> acceptedAcr(String level) {
        return LEVELS.subList(LEVELS.indexOf(level), LEVELS.size()).stream().map(acrByLevel::get).toList();
    }

    /** The level an acr value stands for, or null for a value this service does not know. */
    String levelOf(String acr) {
        return acrByLevel.entrySet().stream().filter(e -> e.getValue().equals(acr)).map(Map.Entry::getKey).findFirst().orElse(null);
    }

    static int rank(String level) {
        return LEVELS.indexOf(level);
    }
}
