package fi.ikkuna.console;

import java.util.Set;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import fi.ikkuna.auth.Authenticator;
import fi.ikkuna.auth.Principal;
import fi.ikkuna.queue.QueueCatalog;
import fi.ikkuna.web.Json;
import fi.ikkuna.web.Rest;

/** {@code GET /api/console/content}: the signed-in professional's queues, outcome codes and canned replies, in their language. */
public final class ConsoleService implements HttpService {
    private final Authenticator auth;
    private final QueueCatalog queues;
    private final Supplier<ConsoleContent> content;

    public ConsoleService(Authenticator auth, QueueCatalog queues, Supplier<ConsoleContent> content) {
        this.auth = auth;
        this.queues = queues;
        this.content = content;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/content", Rest.handle(this::content));
    }

    private void content(ServerRequest req, ServerResponse res) {
        Principal p = auth.checkSession(req).principal();
        String lang = req.query().first("lang").orElse("fi");
        ConsoleContent c = content.get();
        ObjectNode body = Json.object();
        ArrayNode qs = body.putArray("queues");
        queues.names(lang).forEach((id, name) -> qs.addObject().put("id", id).put("name", name).put("mine", p.queues().contains(id)));
        ArrayNode outcomes = body.putArray("outcomes");
        c.outcomes().forEach(o -> outcomes.addObject().put("code", o.code()).put("name", o.name().getOrDefault(lang, o.code())));
        ObjectNode canned = body.putObject("canned");
        Set<String> mine = p.queues();
        c.canned().stream().filter(r -> mine.contains(r.queue())).forEach(r -> {
            ArrayNode list = canned.has(r.queue()) ? (ArrayNode) canned.get(r.queue()) : canned.putArray(r.queue());
            list.addObject().put("id", r.id()).put("title", r.title().getOrDefault(lang, r.id())).put("text", r.text().get(lang));
        });
        Rest.json(res, body);
    }
}
