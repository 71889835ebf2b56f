package fi.ikkuna.identification;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.logging.Logger;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import io.helidon.config.Config;
import io.helidon.http.HeaderNames;
import io.helidon.http.SetCookie;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import fi.ikkuna.auth.Accounts;
import fi.ikkuna.auth.Principal;
import fi.ikkuna.auth.Sessions;
import fi.ikkuna.web.Json;
import fi.ikkuna.web.Rest;

/**
 * {@code /api/auth/oidc}: staff sign in with the county's identity provider beside local accounts (docs/identification.md).
 * Authorization code flow with PKCE, state and nonce, the attempt bound to the browser by a cookie; the ID token's
 * group claim decides role and queues ({@link GroupMapping}) at every sign-in; the session is the same as a local one.
 * Attempts in progress are kept in memory, as sessions are, and bounded.
 */
public final class StaffSignIn implements HttpService {
    private static final Logger LOG = Logger.getLogger(StaffSignIn.class.getName());
    private static final String COOKIE = "IKKUNA_STAFF_OIDC";
    private static final String CALLBACK = "/api/auth/oidc/callback";
    private final Config c;
    private final boolean enabled;
    private final OidcClient oidc;
    private final OidcSettings settings;
    private final GroupMapping groups;
    private final Sessions sessions;
    private final Accounts accounts;
    private final Supplier<Set<String>> allQueues;
    private final Clock clock;
    private final Duration ttl;
    private final int limit;
    private final String publicOrigin;
    private final boolean secureCookies;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    private record Pending(String nonce, String verifier, String bindingHash, Instant expires) {
    }

    private StaffSignIn(Config ik, Sessions sessions, Accounts accounts, Supplier<Set<String>> allQueues, Clock clock) {
        this.c = ik.get("auth.oidc");
        this.enabled = c.get("enabled").asBoolean().orElse(false);
        this.settings = OidcSettings.from(c, "openid profile");
        this.groups = GroupMapping.parse(c.get("groups").asString().orElse(""));
        if (enabled) {
            settings.check("ikkuna.auth.oidc");
            if (groups.isEmpty()) {
                throw new IllegalStateException("ikkuna.auth.oidc.groups is empty: nobody could sign in with the identity provider");
            }
        }
        this.oidc = enabled ? new OidcClient(settings) : null;
        this.sessions = sessions;
        this.accounts = accounts;
        this.allQueues = allQueues;
        this.clock = clock;
        this.ttl = Duration.ofMinutes(c.get("pending-minutes").asInt().orElse(10));
        this.limit = c.get("pending-limit").asInt().orElse(10_000);
        this.publicOrigin = ik.get("public-origin").asString().orElse("");
        this.secureCookies = ik.get("auth.secure-cookies").asBoolean().orElse(false);
    }

    public static StaffSignIn from(Config ik, Sessions sessions, Accounts accounts, Supplier<Set<String>> allQueues) {
        return new StaffSignIn(ik, sessions, accounts, allQueues, Clock.systemUTC());
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::options).get("/start", this::start).get("/callback", this::callback);
    }

    /** Whether the console shows the button, and its label. */
    private void options(ServerRequest req, ServerResponse res) {
        Rest.json(res, Json.object().put("enabled", enabled).put("label", c.get("label").asString().orElse("")));
    }

    private void start(ServerRequest req, ServerResponse res) {
        if (!enabled) {
            back(res, "disabled");
            return;
        }
        Instant now = clock.instant();
        if (pending.size() >= limit) {
            pending.values().removeIf(p -> p.expires().isBefore(now));
            if (pending.size() >= limit) {
                back(res, "busy");
                return;
            }
        }
        String state = IdentityCipher.random();
        String nonce = IdentityCipher.random();
        String binding = IdentityCipher.random();
        String verifier = new CodeVerifier().getValue();
        pending.put(IdentityCipher.sha256Hex(state), new Pending(nonce, verifier, IdentityCipher.sha256Hex(binding), now.plus(ttl)));
        res.headers().addCookie(SetCookie.builder(COOKIE, binding).path("/api/auth/oidc").httpOnly(true).secure(secureCookies)
                .sameSite(SetCookie.SameSite.LAX).maxAge(ttl).build());
        redirect(res, oidc.authorizationUri(redirectUri(req), state, nonce, verifier, List.of(),
                req.query().first("lang").orElse("fi")).toString());
    }

    private void callback(ServerRequest req, ServerResponse res) {
        if (!enabled) {
            back(res, "disabled");
            return;
        }
        res.headers().addCookie(SetCookie.builder(COOKIE, "").path("/api/auth/oidc").httpOnly(true).secure(secureCookies)
                .sameSite(SetCookie.SameSite.LAX).maxAge(Duration.ZERO).build());
        String state = req.query().first("state").orElse("");
        // Removed at once: a state, and so its code, completes at most one sign-in.
        Pending p = pending.remove(IdentityCipher.sha256Hex(state));
        String binding = req.headers().cookies().first(COOKIE).orElse("");
        try {
            if (p == null || p.expires().isBefore(clock.instant())) {
                throw new Refused("unknown_state", "unknown, used or expired state");
            }
            if (!IdentityCipher.sha256Hex(binding).equals(p.bindingHash())) {
                throw new Refused("wrong_browser", "the sign-in was started in another browser");
            }
            if (req.query().first("error").isPresent() || req.query().first("code").isEmpty()) {
                throw new Refused("provider_error", req.query().first("error").orElse("no code"));
            }
            JWTClaimsSet claims = oidc.redeem(req.query().first("code").get(), p.verifier(), redirectUri(req), p.nonce());
            Principal principal = signIn(claims);
            Sessions.Session s = sessions.create(principal);
            res.headers().addCookie(SetCookie.builder(Sessions.COOKIE, s.id()).path("/").httpOnly(true).secure(secureCookies)
                    .sameSite(SetCookie.SameSite.STRICT).build());
            LOG.info("Staff sign-in through the identity provider: " + principal.username() + " as " + principal.role());
            redirect(res, "/console/");
        } catch (Refused e) {
            LOG.info("Staff sign-in refused: " + e.getMessage());
            back(res, e.reason());
        }
    }

    private Principal signIn(JWTClaimsSet claims) {
        List<String> memberOf = groupClaim(claims, c.get("group-claim").asString().orElse("groups"));
        GroupMapping.Grant grant = groups.grant(memberOf, allQueues.get())
                .orElseThrow(() -> new Refused("no_access", "in none of the configured groups"));
        String name = text(claims, c.get("name-claim").asString().orElse("name")).orElse(claims.getSubject());
        Optional<Principal> p = accounts.doFederated("idp:" + claims.getSubject(), name, grant.title(), grant.role(), grant.queues());
        return p.orElseThrow(() -> new Refused("deactivated", "the account is deactivated here"));
    }

    private static List<String> groupClaim(JWTClaimsSet claims, String name) {
        Object v = claims.getClaim(name);
        if (v instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return v == null ? List.of() : List.of(String.valueOf(v));
    }

    private static Optional<String> text(JWTClaimsSet claims, String name) {
        try {
            return Optional.ofNullable(claims.getStringClaim(name)).filter(s -> !s.isBlank());
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    private String redirectUri(ServerRequest req) {
        return RedirectUris.resolve(settings.redirectUri(), publicOrigin, req, CALLBACK);
    }

    /** Back to the console's sign-in view, which says why (texts in the console's i18n files). */
    private static void back(ServerResponse res, String reason) {
        redirect(res, "/console/?signin=" + reason);
    }

    private static void redirect(ServerResponse res, String location) {
        res.status(Status.SEE_OTHER_303).header(HeaderNames.LOCATION, location).header(HeaderNames.CACHE_CONTROL, "no-store").send();
    }
}
