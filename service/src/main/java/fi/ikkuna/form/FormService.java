package fi.ikkuna.form;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.ikkuna.auth.Authenticator;
import fi.ikkuna.auth.Principal;
import fi.ikkuna.conversation.AuthorKind;
import fi.ikkuna.triage.RuleLoadException;
import fi.ikkuna.triage.TriageOutcome;
import fi.ikkuna.web.ErrorCode;
import fi.ikkuna.web.Json;
import fi.ikkuna.web.ProtocolException;
import fi.ikkuna.web.Rest;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;

import fi.ikkuna.web.ContactRates;
import io.helidon.webserver.http.ServerResponse;

/**
 * {@code /api/forms}: definitions for rendering, submissions (no sign-in) and the reply link; reload and
 * statistics for staff. docs/forms.md documents every route with examples.
 */
public final class FormService implements HttpService {
    private final FormCatalog catalog;
    private final FormSubmissions submissions;
    private final Authenticator auth;
    private final ContactRates contactRates;
    private final fi.ikkuna.identification.Identification identification;

    /** {@code identification}: a submission from a strongly identified tab (its resume token as a bearer) is that person's. */
    public FormService(FormCatalog catalog, FormSubmissions submissions, Authenticator auth, ContactRates contactRates,
                       fi.ikkuna.identification.Identification identification) {
        this.identification = identification;
        this.catalog = catalog;
        this.submissions = submissions;
        this.auth = auth;
        this.contactRates = contactRates;
    }

    @Override
    public void routing(HttpRules rules) {
        // Fixed paths before /{id}, which would otherwise take them.
        rules.get("/", Rest.handle(this::list))
                .get("/stats", Rest.handle(this::stats))
                .post("/reload", Rest.handle(this::reload))
                .get("/replies/{token}", Rest.handle(this::reply))
                .get("/{id}", Rest.handle(this::definition))
                .post("/{id}/submissions", Rest.handle(this::submit));
    }

    private void list(ServerRequest req, ServerResponse res) {
        String lang = Rest.lang(req);
        ObjectNode body = Json.object();
        ArrayNode forms = body.putArray("forms");
        catalog.all().values().forEach(f -> forms.add(FormJson.summary(f, lang)));
        Rest.send(res, 200, body);
    }

    private void definition(ServerRequest req, ServerResponse res) {
        FormDefinition f = checkForm(req);
        Rest.send(res, 200, FormJson.definition(f, Rest.lang(req), submissions.today()));
    }

    private void submit(ServerRequest req, ServerResponse res) {
        FormDefinition f = checkForm(req);
        FormValidator.Valid valid = FormValidator.checkSubmission(f, Rest.checkBody(req), submissions.today());
        contactRates.checkNewContact(req.remotePeer().host());
        String bearer = req.headers().value(io.helidon.http.HeaderNames.AUTHORIZATION).filter(v -> v.startsWith("Bearer "))
                .map(v -> v.substring(7).trim()).orElse(null);
        fi.ikkuna.identification.CarriedIdentity carried = bearer == null ? null
                : identification.checkCarried(bearer);
        FormSubmissions.Submitted s = submissions.doSubmit(f, valid, carried);
        TriageOutcome t = s.triage();
        ObjectNode body = Json.object().put("reference", s.reference()).put("replyToken", s.replyToken())
                .put("replyPath", "/api/forms/replies/" + s.replyToken()).put("state", s.conversation().state().wire())
                .put("urgency", t.urgency().wire()).put("service", t.service()).put("queue", t.queue())
                .put("emergency", t.emergency());
        body.put("deadline", submissions.time(t.deadline()));
        body.set("safety", Json.MAPPER.valueToTree(t.safety()));
        ArrayNode replies = body.putArray("replies");
        s.replies().forEach(m -> replies.addObject().put("author", m.author().wire()).put("text", m.text()));
        Rest.send(res, 201, body);
    }

    private void reply(ServerRequest req, ServerResponse res) {
        FormSubmissions.Reply r = submissions.reply(req.path().pathParameters().get("token"));
        String lang = r.submission().language();
        ObjectNode body = Json.object().put("form", r.submission().formId()).put("reference", r.submission().reference())
                .put("submittedAt", submissions.time(r.submission().createdAt())).put("state", r.conversation().state().wire())
                .put("answered", r.messages().stream().anyMatch(m -> m.author() == AuthorKind.PROFESSIONAL));
        body.put("title", catalog.find(r.submission().formId()).map(f -> f.title().in(lang)).orElse(null));
        body.put("urgency", r.conversation().urgency() == null ? null : r.conversation().urgency().wire());
        ArrayNode messages = body.putArray("messages");
        r.messages().forEach(m -> {
            ObjectNode n = messages.addObject().put("seq", m.seq()).put("author", m.author().wire()).put("text", m.text())
                    .put("at", submissions.time(m.at()));
            n.put("authorName", m.authorName());
        });
        Rest.send(res, 200, body);
    }

    private void stats(ServerRequest req, ServerResponse res) {
        auth.checkAdministrator(req);
        ObjectNode body = Json.object();
        ObjectNode counts = body.putObject("submissions");
        catalog.all().keySet().forEach(id -> counts.put(id, 0L));
        FormSubmissions.Counts c = submissions.counts();
        c.submissions().forEach(counts::put);
        body.put("conversations", c.conversations());
        Rest.send(res, 200, body);
    }

    private void reload(ServerRequest req, ServerResponse res) {
        Principal p = auth.checkSession(req).principal();
        if (!p.isAdministrator() && !"rules_editor".equals(p.role())) {
            throw new ProtocolException(ErrorCode.FORBIDDEN, "Rules editor or administrator role required");
        }
        try {
            catalog.reload();
        } catch (RuleLoadException e) {
            throw new ProtocolException(ErrorCode.INVALID_FORMS, e.getMessage());
        }
        Rest.send(res, 200, Json.object().put("status", "reloaded").put("forms", catalog.all().size()));
    }

    private FormDefinition checkForm(ServerRequest req) {
        String id = req.path().pathParameters().get("id");
        return catalog.find(id).orElseThrow(() -> new ProtocolException(ErrorCode.NOT_FOUND, "No form '" + id + "'"));
    }
}
