package fi.ikkuna.datarights;

import java.time.LocalDate;
import java.time.ZoneId;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.ikkuna.web.Rest;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * {@code /api/data-rights} for a strongly identified resident: the widget's "My data" view and its two downloads. The
 * key is the conversation's resume token in {@code Authorization: Bearer} (never in a URL, which logs and histories
 * keep); every answer is {@code no-store}.
 */
public final class DataRightsService implements HttpService {
    private static final String BEARER = "Bearer ";
    private final DataRights rights;
    private final ZoneId zone;

    public DataRightsService(DataRights rights, ZoneId zone) {
        this.rights = rights;
        this.zone = zone;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", Rest.handle(this::view))
                .get("/export.json", Rest.handle(this::exportJson))
                .get("/export.html", Rest.handle(this::exportHtml));
    }

    private void view(ServerRequest req, ServerResponse res) {
        ObjectNode data = rights.doRead(token(req), "view");
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        Rest.json(res, data);
    }

    private void exportJson(ServerRequest req, ServerResponse res) {
        ObjectNode data = rights.doRead(token(req), "export_json");
        attachment(res, "json", "application/json; charset=utf-8");
        res.send(data.toPrettyString());
    }

    private void exportHtml(ServerRequest req, ServerResponse res) {
        String lang = req.query().first("lang").orElse("fi");
        ObjectNode data = rights.doRead(token(req), "export_html");
        attachment(res, "html", "text/html; charset=utf-8");
        res.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
        res.send(HtmlExport.render(data, lang, zone));
    }

    private void attachment(ServerResponse res, String ext, String type) {
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        res.header(HeaderNames.CONTENT_TYPE, type);
        res.header(HeaderNames.CONTENT_DISPOSITION, "attachment; filename=\"ikkuna-" + LocalDate.now(zone) + "." + ext + "\"");
    }

    private static String token(ServerRequest req) {
        return req.headers().value(HeaderNames.AUTHORIZATION).filter(v -> v.startsWith(BEARER))
                .map(v -> v.substring(BEARER.length()).trim()).orElse(null);
    }
}
