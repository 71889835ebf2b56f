package fi.ikkuna.protocol;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Decides whether a browser Origin may open a WebSocket. Allowed are exactly (scheme, host and port) the
 * configured county origins and the service's own public origin when it is configured, and, for development, a
 * page on a loopback address that opens the socket on the same host and port. The Host header is the client's
 * word: an unlisted name resolving to the service (DNS rebinding) sends its own name as Host and as Origin, so
 * Host alone never makes an origin trusted. A missing Origin means a non-browser client, which cross-site attacks
 * cannot produce, so it is let through.
 */
public final class OriginPolicy {
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

    private final List<String> listed;
    private final Set<String> allowed;

    /** {@code publicOrigin} is how residents reach the service, e.g. {@code https://ikkuna.hyvinvointialue.fi}; may be empty. */
    public OriginPolicy(List<String> allowedOrigins, String publicOrigin) {
        this.listed = allowedOrigins.stream().map(o -> o.trim().toLowerCase(Locale.ROOT).replaceAll("/$", "")).toList();
        this.allowed = Stream.concat(allowedOrigins.stream(), Stream.of(publicOrigin)).filter(o -> !o.isBlank())
                .map(o -> canonical(o).orElseThrow(() -> new IllegalArgumentException(
                        "Not an origin (scheme://host[:port]): '" + o + "' in ikkuna.ws.allowed-origins or ikkuna.public-origin")))
                .map(Origin::text).collect(Collectors.toUnmodifiableSet());
    }

    public boolean allows(String origin, String host) {
        if (origin == null) {
            return true;
        }
        Optional<Origin> o = canonical(origin);
        if (o.isEmpty()) {
            return false;
        }
        if (allowed.contains(o.get().text())) {
            return true;
        }
        // Only a browser on this machine can send a loopback Origin; Host equal to it means the page and the socket
        // are the same server as the browser sees it.
        return LOOPBACK.contains(o.get().host()) && host != null
                && canonical(o.get().scheme() + "://" + host.trim()).map(o.get()::equals).orElse(false);
    }

    /** The frame-ancestors source list for the widget's Content-Security-Policy. */
    public String frameAncestors() {
        return String.join(" ", Stream.concat(Stream.of("'self'"), listed.stream()).toList());
    }

    private record Origin(String scheme, String host, int port) {
        String text() {
            return scheme + "://" + host + ":" + port;
        }
    }

    /** scheme://host[:port] with the default port filled in; anything else (paths, user info, "null") is no origin. */
    private static Optional<Origin> canonical(String origin) {
        String o = origin.trim().toLowerCase(Locale.ROOT);
        if (o.endsWith("/")) {
            o = o.substring(0, o.length() - 1);
        }
        try {
            URI uri = new URI(o);
            String scheme = uri.getScheme();
            if (!"http".equals(scheme) && !"https".equals(scheme) || uri.getHost() == null || uri.getRawUserInfo() != null
                    || !uri.getRawPath().isEmpty() || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                return Optional.empty();
            }
            int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
            return Optional.of(new Origin(scheme, uri.getHost(), port));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
