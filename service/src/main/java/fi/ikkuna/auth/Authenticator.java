package fi.ikkuna.auth;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webserver.http.ServerRequest;

import fi.ikkuna.web.ErrorCode;
import fi.ikkuna.web.ProtocolException;

/** Resolves the professional behind a request and enforces CSRF on every state-changing one. */
public final class Authenticator {
    public static final String CSRF_HEADER = "X-CSRF-Token";

    private final Sessions sessions;

    public Authenticator(Sessions sessions) {
        this.sessions = sessions;
    }

    public Sessions.Session checkSession(ServerRequest req) {
        String id = req.headers().cookies().first(Sessions.COOKIE).orElse(null);
        Sessions.Session s = sessions.find(id)
                .orElseThrow(() -> new ProtocolException(ErrorCode.UNAUTHORIZED, "Sign in first"));
        Method m = req.prologue().method();
        if (m != Method.GET && m != Method.HEAD) {
            String token = req.headers().first(HeaderNames.create(CSRF_HEADER)).orElse("");
            if (!java.security.MessageDigest.isEqual(token.getBytes(), s.csrfToken().getBytes())) {
                throw new ProtocolException(ErrorCode.CSRF, "Missing or wrong CSRF token");
            }
        }
        return s;
    }

    public Principal checkRulesEditor(ServerRequest req) {
        Principal p = checkSession(req).principal();
        if (!p.isAdministrator() && !"rules_editor".equals(p.role())) {
            throw new ProtocolException(ErrorCode.FORBIDDEN, "Rules editor or administrator role required");
        }
        return p;
    }

    public Principal checkAdministrator(ServerRequest req) {
        Principal p = checkSession(req).principal();
        if (!p.isAdministrator()) {
            throw new ProtocolException(ErrorCode.FORBIDDEN, "Administrator role required");
        }
        return p;
    }
}
