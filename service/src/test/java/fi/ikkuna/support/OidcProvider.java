package fi.ikkuna.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.KeyProvider;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;

/**
 * A real OpenID provider for the tests: navikt's mock-oauth2-server, in this JVM on a loopback port (host
 * {@code localhost}, so it is another site than the service on 127.0.0.1, as a real provider is). Tokens carry the
 * claims a test enqueues; {@link #forgeNextSignature()} makes the provider sign the next ID token with a key it does
 * not publish (same {@code kid}), which is what a substituted token looks like to the service.
 */
public final class OidcProvider implements AutoCloseable {
    public static final String SUBSTANTIAL = "http://ftn.ficora.fi/2017/loa2";
    public static final String HIGH = "http://ftn.ficora.fi/2017/loa3";

    private final ForgingKeys keys = new ForgingKeys();
    private final MockOAuth2Server server;

    public OidcProvider(boolean interactiveLogin) {
        server = new MockOAuth2Server(new OAuth2Config(interactiveLogin, null, null, false, new OAuth2TokenProvider(keys)));
        try {
            server.start(InetAddress.getByName("localhost"), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The issuer URL of {@code issuerId} (each issuer id is its own provider with its own keys). */
    public String issuer(String issuerId) {
        return server.issuerUrl(issuerId).toString().replaceAll("/$", "");
    }

    /**
     * Configuration that points a test service's resident identification at {@code issuerId} of this provider, with
     * a fresh random sealing key; {@code base} (e.g. TestServer.FAST_CLIENTS) comes first, the map stays mutable.
     */
    public Map<String, String> identificationConfig(Map<String, String> base, String issuerId, String clientId) {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        Map<String, String> c = new HashMap<>(base);
        c.put("ikkuna.identification.enabled", "true");
        c.put("ikkuna.identification.issuer", issuer(issuerId));
        c.put("ikkuna.identification.client-id", clientId);
        c.put("ikkuna.identification.key", java.util.Base64.getEncoder().encodeToString(key));
        return c;
    }

    /** The next token of {@code issuerId} has these claims (on top of iss, aud = the client, exp, nonce). */
    public void next(String issuerId, String subject, Map<String, Object> claims, long expirySeconds) {
        server.enqueueCallback(new DefaultOAuth2TokenCallback(issuerId, subject, "JWT", null, claims, expirySeconds));
    }

    /** Suomi.fi-style claims of a resident. */
    public static Map<String, Object> resident(String hetu, String given, String family, String acr) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("nationalIdentificationNumber", hetu);
        claims.put("given_name", given);
        claims.put("family_name", family);
        claims.put("acr", acr);
        return claims;
    }

    public void forgeNextSignature() {
        keys.forge.set(true);
    }

    @Override
    public void close() {
        server.shutdown();
    }

    /** Publishes and signs with the provider's own keys, except once after {@link #forgeNextSignature()}. */
    private static final class ForgingKeys extends KeyProvider {
        final AtomicBoolean forge = new AtomicBoolean();

        ForgingKeys() {
            super(List.of(), "RS256");
        }

        @Override
        public JWK signingKey(String issuerId) {
            JWK real = super.signingKey(issuerId);
            if (!forge.compareAndSet(true, false)) {
                return real;
            }
            try {
                return new RSAKeyGenerator(2048).keyID(real.getKeyID()).generate();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
