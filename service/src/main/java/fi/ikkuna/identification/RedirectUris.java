package fi.ikkuna.identification;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;

import fi.ikkuna.web.ErrorCode;
import fi.ikkuna.web.ProtocolException;

/**
 * The redirect URI registered at the provider: configured, else {@code ikkuna.public-origin} + path. Without either,
 * only a loopback Host (a developer's or a test's browser on this machine) may stand in — never another Host header,
 * which a client chooses.
 */
final class RedirectUris {
    private RedirectUris() {
    }

    static String resolve(String configured, String publicOrigin, ServerRequest req, String path) {
        if (!configured.isBlank()) {
            return configured;
        }
        if (!publicOrigin.isBlank()) {
            return publicOrigin.replaceAll("/+$", "") + path;
        }
        String host = req.headers().first(HeaderNames.HOST).orElse("");
        if (host.matches("(localhost|127\\.0\\.0\\.1|\\[::1\\])(:\\d{1,5})?")) {
            return "http://" + host + path;
        }
        throw new ProtocolException(ErrorCode.IDENTIFICATION_DISABLED,
                "Set ikkuna.public-origin (or the redirect-uri) before using OpenID Connect");
    }
}
