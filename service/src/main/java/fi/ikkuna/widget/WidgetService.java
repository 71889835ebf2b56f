package fi.ikkuna.widget;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import fi.ikkuna.protocol.Json;
import fi.ikkuna.protocol.OriginPolicy;
import io.helidon.config.Config;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * The resident widget: its static files under {@code /widget/*} (from the classpath, {@code web/widget}),
 * {@code /widget/status} (opening hours), the demo county page {@code /demo} and the accessibility statement
 * {@code /accessibility}. Registered at the root so the paths are the same in every deployment.
 */
public final class WidgetService implements HttpService {
    private static final String PREFIX = "/widget/";
    private static final Map<String, String> TYPES = Map.of(
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "json", "application/json; charset=utf-8",
            "html", "text/html; charset=utf-8",
            "svg", "image/svg+xml");

    private final WidgetFiles files = new WidgetFiles("web/widget/");
    private final SecurityHeaders security;
    private final OpeningHours hours;
    private final WidgetPages pages;
    private final Clock clock;
    private final BooleanSupplier staffed;

    /** {@code anyoneOnline} tells whether a professional has the console open; config decides if that matters. */
    public WidgetService(OriginPolicy origins, Config config, BooleanSupplier anyoneOnline) {
        this(origins, OpeningHours.parse(config.get("ikkuna.widget.opening-hours").asString().orElse("always"),
                config.get("ikkuna.zone").asString().orElse("Europe/Helsinki")), Clock.systemUTC(),
                "contact-request".equals(config.get("ikkuna.widget.when-nobody-online").asString().orElse("contact-request"))
                        ? anyoneOnline : () -> true);
    }

    WidgetService(OriginPolicy origins, OpeningHours hours, Clock clock, BooleanSupplier staffed) {
        this.security = new SecurityHeaders(origins.frameAncestors());
        this.hours = hours;
        this.clock = clock;
        this.staffed = staffed;
        this.pages = new WidgetPages(new WidgetTexts(files));
    }

    @Override
    public void routing(HttpRules r) {
        r.get("/widget/status", this::status)
                .get("/widget/*", this::file)
                .get("/demo", (req, res) -> page(req, res, pages::demo))
                .get("/accessibility", (req, res) -> page(req, res, pages::accessibility));
    }

    private void status(ServerRequest req, ServerResponse res) {
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        res.header(HeaderNames.CONTENT_TYPE, TYPES.get("json"));
        // Outside opening hours, or with nobody at a console, the widget offers a contact request instead of a chat.
        res.send(Json.write(Json.object().put("open", hours.isOpen(clock.instant()) && staffed.getAsBoolean())));
    }

    private void file(ServerRequest req, ServerResponse res) {
        String name = req.path().path().substring(PREFIX.length());
        String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        Optional<WidgetFiles.Entry> entry = TYPES.containsKey(ext) ? files.get(name) : Optional.empty();
        if (entry.isEmpty()) {
            res.status(Status.NOT_FOUND_404).send();
            return;
        }
        WidgetFiles.Entry e = entry.get();
        // Revalidate every time: counties embed loader.js on pages cached for long, so a fix must reach them at once;
        // the ETag keeps that cheap.
        res.header(HeaderNames.CACHE_CONTROL, "no-cache");
        res.header(HeaderNames.ETAG, e.etag());
        res.header(HeaderNames.CONTENT_TYPE, TYPES.get(ext));
        if (name.endsWith(".html")) {
            // app.html and the booking and reply pages: scripts only from files, API calls only to this origin.
            security.app(res);
        } else if (name.startsWith("i18n/")) {
            // The loader on a county page reads its launcher label from here; the texts are public.
            res.header(HeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
        }
        if (req.headers().value(HeaderNames.IF_NONE_MATCH).map(e.etag()::equals).orElse(false)) {
            res.status(Status.NOT_MODIFIED_304).send();
            return;
        }
        res.send(e.bytes());
    }

    private void page(ServerRequest req, ServerResponse res, java.util.function.Function<String, String> render) {
        String lang = WidgetTexts.language(req.query().first("lang").orElse(null),
                req.headers().value(HeaderNames.ACCEPT_LANGUAGE).orElse(null));
        res.header(HeaderNames.CONTENT_TYPE, TYPES.get("html"));
        res.header(HeaderNames.CACHE_CONTROL, "no-cache");
        res.header(HeaderNames.CONTENT_LANGUAGE, lang);
        security.page(res);
        res.send(render.apply(lang));
    }
}
