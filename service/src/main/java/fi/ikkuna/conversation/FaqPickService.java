package fi.ikkuna.conversation;

import java.util.function.Supplier;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.ikkuna.auth.Authenticator;
import fi.ikkuna.auth.Principal;
import fi.ikkuna.triage.faq.FaqIndex;
import fi.ikkuna.web.ErrorCode;
import fi.ikkuna.web.Json;
import fi.ikkuna.web.ProtocolException;
import fi.ikkuna.web.Rest;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * {@code /api/faq-picks} (signed-in professionals): the FAQ entries of a language to pick from, and the pick of the
 * entry that answers a conversation (docs/protocol.md, "FAQ picks"; {@link FaqPicks}).
 */
public final class FaqPickService implements HttpService {
    private final Authenticator auth;
    private final FaqPicks picks;
    private final Supplier<FaqIndex> faq;

    public FaqPickService(Authenticator auth, FaqPicks picks, Supplier<FaqIndex> faq) {
        this.auth = auth;
        this.picks = picks;
        this.faq = faq;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/entries", Rest.handle(this::entries))
                .post("/conversations/{id}", Rest.handle(this::pick));
    }

    private void entries(ServerRequest req, ServerResponse res) {
        auth.checkSession(req);
        String lang = req.query().first("lang").orElse("fi");
        if (!fi.ikkuna.triage.load.Vocabulary.LANGUAGES.contains(lang)) {
            throw new ProtocolException(ErrorCode.INVALID_FIELD, "Unknown language", "lang");
        }
        ObjectNode body = Json.object();
        ArrayNode arr = body.putArray("entries");
        faq.get().entries(lang).forEach(e -> arr.addObject().put("id", e.id()).put("question", e.question()));
        Rest.json(res, body);
    }

    private void pick(ServerRequest req, ServerResponse res) {
        Principal p = auth.checkSession(req).principal();
        ObjectNode in = Json.parseObject(req.content().as(String.class));
        String faqId = in.path("faqId").isTextual() ? in.get("faqId").asText() : null;
        boolean fresh = picks.doPick(p, req.path().pathParameters().get("id"), faqId);
        Rest.json(res, Json.object().put("picked", true).put("new", fresh));
    }
}
