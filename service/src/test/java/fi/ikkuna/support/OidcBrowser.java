package fi.ikkuna.support;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The HTTP side of a resident's (or a nurse's) browser in the OpenID Connect flows: keeps cookies per host as a
 * browser does and follows no redirect by itself, so a test sees, and may replay or tamper with, every hop.
 */
public final class OidcBrowser {
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public HttpResponse<String> get(URI uri) {
        try {
            return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(15)).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError("GET " + uri + ": " + e, e);
        }
    }

    /** GET, expecting a redirect; the absolute target (relative ones resolved against {@code uri}). */
    public URI redirect(URI uri) {
        HttpResponse<String> r = get(uri);
        if (r.statusCode() / 100 != 3) {
            throw new AssertionError("expected a redirect from " + uri + ", got " + r.statusCode() + ": " + r.body());
        }
        return uri.resolve(r.headers().firstValue("location").orElseThrow());
    }

    /** The value of a cookie this browser holds (any host), or null. */
    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).map(java.net.HttpCookie::getValue)
                .findFirst().orElse(null);
    }

    /** A browser without this one's cookies (another person's, or an attacker's). */
    public OidcBrowser another() {
        return new OidcBrowser();
    }
}
