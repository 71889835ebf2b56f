package fi.ikkuna.identification;

import io.helidon.config.Config;

/**
 * One relying-party registration at an OpenID provider: the residents' identification service (Suomi.fi-style) or the
 * county's staff identity provider. Read from {@code ikkuna.identification} / {@code ikkuna.auth.oidc}.
 *
 * @param redirectUri empty: {@code ikkuna.public-origin} + the callback path (or, without a public origin, the
 *                    loopback host the browser used, for development)
 */
record OidcSettings(String issuer, String clientId, String clientSecret, String redirectUri, String scope, String algorithm,
                    int clockSkewSeconds, int timeoutMs) {

    static OidcSettings from(Config c, String defaultScope) {
        return new OidcSettings(c.get("issuer").asString().orElse("").replaceAll("/+$", ""),
                c.get("client-id").asString().orElse(""), c.get("client-secret").asString().orElse(""),
                c.get("redirect-uri").asString().orElse(""), c.get("scope").asString().orElse(defaultScope),
                c.get("id-token-algorithm").asString().orElse("RS256"), c.get("clock-skew-seconds").asInt().orElse(60),
                c.get("http-timeout-ms").asInt().orElse(5000));
    }

    /** Refuses to start with half a configuration: a typo must not quietly turn identification into something else. */
    void check(String what) {
        if (issuer.isBlank() || clientId.isBlank()) {
            throw new IllegalStateException(what + ": issuer and client-id are required when it is enabled");
        }
        if (!issuer.startsWith("https://") && !issuer.matches("http://(localhost|127\\.0\\.0\\.1)(:\\d+)?(/.*)?")) {
            throw new IllegalStateException(what + ": the issuer must be https (plain http only on loopback, for tests)");
        }
    }
}
