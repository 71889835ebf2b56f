package fi.ikkuna.rules;

import java.util.function.Supplier;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.ikkuna.auth.Authenticator;
import fi.ikkuna.triage.faq.FaqEntry;
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
 * {@code /api/workbench/faq-proposals} (rules editors): residents' questions professionals answered with an FAQ entry,
 * and accepting one as a variant of that entry into a draft ({@link AcceptedVariants}); the draft is then validated,
 * tested and published like any other (docs/workbench.md, "FAQ proposals").
 */
public final class FaqProposalService implements HttpService {
    private final Authenticator auth;
    private final FaqProposals proposals;
    private final RuleDrafts drafts;
    private final Supplier<FaqIndex> faq;

    public FaqProposalService(Authenticator auth, FaqProposals proposals, RuleDrafts drafts, Supplier<FaqIndex> faq) {
        this.auth = auth;
        this.proposals = proposals;
        this.drafts = drafts;
        this.faq = faq;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", Rest.handle(this::list))
                .post("/{event}/accept/{draft}", Rest.handle(this::accept));
    }

    private void list(ServerRequest req, ServerResponse res) {
        auth.checkRulesEditor(req);
        ObjectNode body = Json.object();
        ArrayNode arr = body.putArray("proposals");
        for (FaqProposals.Proposal p : proposals.list()) {
            FaqEntry e = p.faqId() == null ? null : faq.get().entry(p.faqId());
            FaqEntry shown = p.shownFaqId() == null ? null : faq.get().entry(p.shownFaqId());
            arr.addObject().put("eventId", p.eventId()).put("conversationId", p.conversationId()).put("language", p.language())
                    .put("text", p.text()).put("faqId", p.faqId()).put("question", e == null ? null : e.question())
                    .put("notHelpful", p.notHelpful()).put("shownFaqId", p.shownFaqId())
                    .put("shownQuestion", shown == null ? null : shown.question());
        }
        Rest.json(res, body);
    }

    private void accept(ServerRequest req, ServerResponse res) {
        auth.checkRulesEditor(req);
        RuleDraft d = drafts.get(req.path().pathParameters().get("draft"));
        String event = req.path().pathParameters().get("event");
        FaqProposals.Proposal p = proposals.list().stream().filter(k -> k.eventId().equals(event)).findFirst()
                .orElseThrow(() -> new ProtocolException(ErrorCode.NOT_FOUND, "No such proposal"));
        FaqProposals.Proposal chosen = checkEntry(p, req);
        RuleFiles files = drafts.withFile(d, AcceptedVariants.FILE, AcceptedVariants.append(d.files().files().get(AcceptedVariants.FILE), chosen));
        drafts.doSave(d.id(), files);
        Rest.json(res, Json.object().put("accepted", true).put("file", AcceptedVariants.FILE));
    }

    /**
     * The entry the variant joins: the editor's choice ({@code faqId} in the body; needed where the resident only said
     * "no" and nobody picked), else the professional's pick; it must exist and be in the question's language.
     */
    private FaqProposals.Proposal checkEntry(FaqProposals.Proposal p, ServerRequest req) {
        String body = req.content().hasEntity() ? req.content().as(String.class) : "";
        ObjectNode in = body.isBlank() ? Json.object() : Json.parseObject(body);
        String id = in.path("faqId").isTextual() ? in.get("faqId").asText() : p.faqId();
        if (id == null) {
            throw new ProtocolException(ErrorCode.MISSING_FIELD, "Choose the entry that answers the question", "faqId");
        }
        FaqEntry e = faq.get().entry(id);
        if (e == null) {
            throw new ProtocolException(ErrorCode.INVALID_FIELD, "The FAQ entry no longer exists", "faqId",
                    java.util.Map.of("reason", "entry_gone"));
        }
        if (!e.lang().equals(p.language())) {
            throw new ProtocolException(ErrorCode.INVALID_FIELD, "The entry is in another language than the question", "faqId");
        }
        return new FaqProposals.Proposal(p.eventId(), p.conversationId(), p.language(), p.text(), id, p.notHelpful(), p.shownFaqId());
    }
}
