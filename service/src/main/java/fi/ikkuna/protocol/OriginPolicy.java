package fi.ikkuna.protocol;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Decides whether a browser Origin may open a WebSocket: the service's own origin (same host:port as the
 * request) and the configured allow-list. A missing Origin means a non-browser client, which CSRF-style
 * cross-site attacks cannot produce, so it is let through.
 */
public final class OriginPolicy {
    private final List<String> allowed;

    public OriginPolicy(List<String> allowed) {
        this.allowed = allowed.stream().map(OriginPolicy::normalise).toList();
    }

    public boolean allows(String origin, String host) {
        if (origin == null) {
            return true;
        }
        String o = normalise(origin);
        if (allowed.contains(o)) {
            return true;
        }
        try {
            URI uri = URI.create(o);
            String authority = uri.getAuthority();
            return authority != null && host != null && authority.equalsIgnoreCase(host.trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The frame-ancestors source list for the widget's Content-Security-Policy. */
    public String frameAncestors() {
        return String.join(" ", java.util.stream.Stream.concat(java.util.stream.Stream.of("'self'"), allowed.stream()).toList());
    }

    private static String normalise(String origin) {
        String o = origin.trim().toLowerCase(Locale.ROOT);
        return o.endsWith("/") ? o.substring(0, o.length() - 1) : o;
    }
}
