package fi.ikkuna.widget;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.ikkuna.protocol.OriginPolicy;
import fi.ikkuna.queue.Staffing;
import fi.ikkuna.web.Json;
import fi.ikkuna.web.SecurityHeaders;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * The resident widget: its static files under {@code /widget/*} (from the classpath, {@code web/widget}),
 * {@code /widget/status} (whether anyone can answer now: {@link Staffing}), the demo county page {@code /demo} and the accessibility statement
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
    /** The app document's policy: framed only by the service and the county origins. */
    private final String appPolicy;
    private final WidgetPages pages;
    private final Staffing staffing;

    public WidgetService(OriginPolicy origins, Staffing staffing) {
        this.appPolicy = SecurityHeaders.widgetApp(origins.frameAncestors());
        this.staffing = staffing;
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
        // Closed or unstaffed: the widget says so, keeps the FAQ and offers a contact request (forms API) instead.
        ObjectNode body = Json.object();
        var services = staffing.staffedServices();
        body.put("open", !services.isEmpty());
        body.set("services", Json.MAPPER.valueToTree(services.stream().sorted().toList()));
        res.send(Json.write(body));
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
            SecurityHeaders.policy(res, appPolicy);
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
        SecurityHeaders.policy(res, SecurityHeaders.WIDGET_PAGE);
        res.send(render.apply(lang));
    }
}
