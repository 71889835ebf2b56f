package fi.ikkuna.auth;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.SetCookie;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import fi.ikkuna.protocol.ErrorCode;
import fi.ikkuna.protocol.Fields;
import fi.ikkuna.protocol.HttpErrors;
import fi.ikkuna.protocol.Json;
import fi.ikkuna.protocol.ProtocolException;

/** {@code /api/auth}: sign in, sign out (closes the professional's WebSockets), who am I. */
public final class AuthService implements HttpService {
    private final Accounts accounts;
    private final Sessions sessions;
    private final Authenticator auth;
    private final boolean secureCookies;
    private final int attemptsPerMinute;
    private final Map<String, long[]> attempts = new ConcurrentHashMap<>();

    public AuthService(Accounts accounts, Sessions sessions, Authenticator auth, boolean secureCookies, int attemptsPerMinute) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.auth = auth;
        this.secureCookies = secureCookies;
        this.attemptsPerMinute = attemptsPerMinute;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/login", HttpErrors.guard(this::login))
                .post("/logout", HttpErrors.guard(this::logout))
                .get("/me", HttpErrors.guard(this::me));
    }

    private void login(ServerRequest req, ServerResponse res) {
        ObjectNode body = Json.parseObject(req.content().as(String.class));
        String username = Fields.checkString(body, "username", 100);
        String password = Fields.checkString(body, "password", 200);
        checkAttempts(username);
        Principal p = accounts.authenticate(username, password)
                .orElseThrow(() -> new ProtocolException(ErrorCode.UNAUTHORIZED, "Wrong username or password"));
        Sessions.Session s = sessions.create(p);
        res.headers().addCookie(SetCookie.builder(Sessions.COOKIE, s.id()).path("/").httpOnly(true).secure(secureCookies)
                .sameSite(SetCookie.SameSite.STRICT).build());
        HttpErrors.json(res, me(s));
    }

    private void logout(ServerRequest req, ServerResponse res) {
        Sessions.Session s = auth.checkSession(req);
        sessions.end(s.id());
        res.headers().addCookie(SetCookie.builder(Sessions.COOKIE, "").path("/").httpOnly(true).maxAge(Duration.ZERO)
                .sameSite(SetCookie.SameSite.STRICT).build());
        res.status(Status.NO_CONTENT_204).send();
    }

    private void me(ServerRequest req, ServerResponse res) {
        HttpErrors.json(res, me(auth.checkSession(req)));
    }

    private static ObjectNode me(Sessions.Session s) {
        Principal p = s.principal();
        ObjectNode o = Json.object().put("csrfToken", s.csrfToken());
        o.putObject("professional").put("id", p.id()).put("username", p.username()).put("name", p.displayName())
                .put("title", p.title()).put("role", p.role()).set("queues", Json.MAPPER.valueToTree(p.queues()));
        return o;
    }

    /** Slows password guessing: at most N attempts per username per minute. */
    private void checkAttempts(String username) {
        long minute = System.currentTimeMillis() / 60_000;
        long[] slot = attempts.compute(username, (k, v) -> v == null || v[0] != minute ? new long[] {minute, 1} : new long[] {minute, v[1] + 1});
        if (slot[1] > attemptsPerMinute) {
            throw new ProtocolException(ErrorCode.RATE_LIMITED, "Too many sign-in attempts; wait a minute");
        }
    }
}
