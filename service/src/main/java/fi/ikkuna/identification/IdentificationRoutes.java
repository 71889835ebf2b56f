package fi.ikkuna.identification;

import java.time.Duration;

import io.helidon.http.HeaderNames;
import io.helidon.http.SetCookie;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * {@code /identification}: the popup's two stops on this origin. {@code start} spends the resident's ticket, gives the
 * browser its binding cookie and sends it to the provider; {@code callback} is the provider's redirect back. Both end
 * on the widget's result page, which says in the resident's language what happened (reason in the fragment).
 */
public final class IdentificationRoutes implements HttpService {
    static final String CALLBACK = "/identification/callback";
    private static final String COOKIE = "IKKUNA_IDENT";
    private final Identification identification;
    private final Completion completion;
    private final String publicOrigin;
    private final boolean secureCookies;

    public IdentificationRoutes(Identification identification, Completion completion, String publicOrigin, boolean secureCookies) {
        this.identification = identification;
        this.completion = completion;
        this.publicOrigin = publicOrigin;
        this.secureCookies = secureCookies;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/start", this::start).get("/callback", this::callback);
    }

    private void start(ServerRequest req, ServerResponse res) {
        String lang = req.query().first("lang").orElse("fi");
        try {
            Identification.Opened opened = identification.doOpen(req.query().first("ticket").orElse(null), redirectUri(req));
            // Lax: the provider's redirect back is a cross-site top-level GET, which Lax cookies accompany.
            res.headers().addCookie(SetCookie.builder(COOKIE, opened.binding()).path("/identification").httpOnly(true)
                    .secure(secureCookies).sameSite(SetCookie.SameSite.LAX)
                    .maxAge(identification.settings.requestTtl()).build());
            redirect(res, opened.authorization().toString());
        } catch (Refused e) {
            result(res, lang, e.reason());
        }
    }

    private void callback(ServerRequest req, ServerResponse res) {
        String binding = req.headers().cookies().first(COOKIE).orElse(null);
        Completion.Outcome outcome = completion.doComplete(req.query().first("state").orElse(null),
                req.query().first("code").orElse(null), req.query().first("error").orElse(null), binding, redirectUri(req));
        res.headers().addCookie(SetCookie.builder(COOKIE, "").path("/identification").httpOnly(true).secure(secureCookies)
                .sameSite(SetCookie.SameSite.LAX).maxAge(Duration.ZERO).build());
        result(res, outcome.lang() == null ? "fi" : outcome.lang(), outcome.ok() ? "ok" : outcome.reason());
    }

    private String redirectUri(ServerRequest req) {
        return RedirectUris.resolve(identification.settings.oidc().redirectUri(), publicOrigin, req, CALLBACK);
    }

    private static void result(ServerResponse res, String lang, String reason) {
        String l = lang.matches("fi|sv|en") ? lang : "fi";
        redirect(res, "/widget/identified.html?lang=" + l + "#" + reason);
    }

    private static void redirect(ServerResponse res, String location) {
        res.status(Status.SEE_OTHER_303).header(HeaderNames.LOCATION, location).header(HeaderNames.CACHE_CONTROL, "no-store").send();
    }
}
