package fi.ikkuna.auth;

import java.time.Duration;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.config.Config;
import io.helidon.http.SetCookie;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import fi.ikkuna.web.ErrorCode;
import fi.ikkuna.web.Fields;
import fi.ikkuna.web.Json;
import fi.ikkuna.web.ProtocolException;
import fi.ikkuna.web.Rest;

/** {@code /api/auth}: sign in, sign out (closes the professional's WebSockets), who am I. */
public final class AuthService implements HttpService {
    private final Accounts accounts;
    private final Sessions sessions;
    private final Authenticator auth;
    private final boolean secureCookies;
    private final LoginThrottle throttle;

    /** {@code authConfig}: {@code ikkuna.auth} (cookie flag and the sign-in limits of {@link LoginThrottle}). */
    public AuthService(Accounts accounts, Sessions sessions, Authenticator auth, Config authConfig) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.auth = auth;
        this.secureCookies = authConfig.get("secure-cookies").asBoolean().orElse(false);
        this.throttle = new LoginThrottle(authConfig, System::currentTimeMillis);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/login", Rest.handle(this::login))
                .post("/logout", Rest.handle(this::logout))
                .get("/me", Rest.handle(this::me));
    }

    private void login(ServerRequest req, ServerResponse res) {
        ObjectNode body = Json.parseObject(req.content().as(String.class));
        String username = Fields.checkString(body, "username", 100);
        String password = Fields.checkString(body, "password", 200);
        String address = req.remotePeer().host();
        throttle.checkAttempt(username, address);
        Principal p = throttle.hashing(() -> accounts.authenticate(username, password)).orElse(null);
        if (p == null) {
            throttle.failed(username, address);
            throw new ProtocolException(ErrorCode.UNAUTHORIZED, "Wrong username or password");
        }
        throttle.succeeded(username, address);
        Sessions.Session s = sessions.create(p);
        res.headers().addCookie(SetCookie.builder(Sessions.COOKIE, s.id()).path("/").httpOnly(true).secure(secureCookies)
                .sameSite(SetCookie.SameSite.STRICT).build());
        Rest.json(res, me(s));
    }

    private void logout(ServerRequest req, ServerResponse res) {
        Sessions.Session s = auth.checkSession(req);
        sessions.end(s.id());
        res.headers().addCookie(SetCookie.builder(Sessions.COOKIE, "").path("/").httpOnly(true).maxAge(Duration.ZERO)
                .sameSite(SetCookie.SameSite.STRICT).build());
        res.status(Status.NO_CONTENT_204).send();
    }

    private void me(ServerRequest req, ServerResponse res) {
        Rest.json(res, me(auth.checkSession(req)));
    }

    private static ObjectNode me(Sessions.Session s) {
        Principal p = s.principal();
        ObjectNode o = Json.object().put("csrfToken", s.csrfToken()).put("landing", p.landing());
        o.putObject("professional").put("id", p.id()).put("username", p.username()).put("name", p.displayName())
                .put("title", p.title()).put("role", p.role()).set("queues", Json.MAPPER.valueToTree(p.queues()));
        return o;
    }

}
