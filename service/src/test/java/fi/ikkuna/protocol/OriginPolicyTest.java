package fi.ikkuna.protocol;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Issue 13.9: the WebSocket Origin check. Allowed are exactly the configured origins (scheme, host and port),
 * the service's own public origin when configured, and loopback pages of the same host:port (development).
 * The Host header is the client's word, so it never makes an origin trusted on its own (DNS rebinding).
 */
class OriginPolicyTest {
    private static final String COUNTY = "https://www.hyvinvointialue.example";
    private final OriginPolicy policy = new OriginPolicy(List.of(COUNTY, "https://county.example:8443/"), "https://ikkuna.example");
    private final OriginPolicy unconfigured = new OriginPolicy(List.of(), "");

    @Test
    void listedOriginsAreAccepted() {
        assertTrue(policy.allows(COUNTY, "ikkuna.example"));
        assertTrue(policy.allows("HTTPS://WWW.Hyvinvointialue.example/", "ikkuna.example"), "case and a trailing slash do not matter");
        assertTrue(policy.allows("https://www.hyvinvointialue.example:443", "ikkuna.example"), "the default port is the same origin");
        assertTrue(policy.allows("https://county.example:8443", "ikkuna.example"));
        assertTrue(policy.allows("https://ikkuna.example", "ikkuna.example"), "the configured public origin");
        assertTrue(policy.allows(null, "ikkuna.example"), "no Origin: not a browser, so no cross-site request");
    }

    @Test
    void schemeMismatchIsRefused() {
        assertFalse(policy.allows("http://www.hyvinvointialue.example", "ikkuna.example"));
        assertFalse(policy.allows("http://ikkuna.example", "ikkuna.example"), "the service is https; its http twin is not it");
        assertFalse(policy.allows("wss://ikkuna.example", "ikkuna.example"));
    }

    @Test
    void portAndHostMismatchIsRefused() {
        assertFalse(policy.allows("https://county.example", "ikkuna.example"));
        assertFalse(policy.allows("https://county.example:9443", "ikkuna.example"));
        assertFalse(policy.allows("https://hyvinvointialue.example", "ikkuna.example"));
        assertFalse(policy.allows("https://www.hyvinvointialue.example.evil.example", "ikkuna.example"));
    }

    @Test
    void hostAndOriginBothUnlistedIsRefused() {
        // DNS rebinding: evil.example resolves to the service; the browser sends Host and Origin of evil.example.
        assertFalse(policy.allows("https://evil.example", "evil.example"));
        assertFalse(policy.allows("http://evil.example:8080", "evil.example:8080"));
        assertFalse(unconfigured.allows("http://evil.example:8080", "evil.example:8080"));
        assertFalse(unconfigured.allows("http://ikkuna.example", "ikkuna.example"), "an own origin must be configured");
    }

    @Test
    void loopbackPagesOfTheSameHostAndPortAreAcceptedForDevelopment() {
        assertTrue(unconfigured.allows("http://127.0.0.1:8080", "127.0.0.1:8080"));
        assertTrue(unconfigured.allows("http://localhost:8080", "localhost:8080"));
        assertTrue(unconfigured.allows("http://[::1]:8080", "[::1]:8080"));
        assertFalse(unconfigured.allows("http://127.0.0.1:3000", "127.0.0.1:8080"), "another local server's page");
        assertFalse(unconfigured.allows("http://localhost:8080", "127.0.0.1:8080"));
        assertFalse(unconfigured.allows("http://127.0.0.1:8080", "evil.example:8080"));
    }

    @Test
    void opaqueAndMalformedOriginsAreRefused() {
        assertFalse(policy.allows("null", "ikkuna.example"));
        assertFalse(policy.allows("file://", "ikkuna.example"));
        assertFalse(policy.allows("not a url", "ikkuna.example"));
        assertFalse(policy.allows("https://ikkuna.example/path", "ikkuna.example"));
        assertFalse(policy.allows("https://user@ikkuna.example", "ikkuna.example"));
    }
}
