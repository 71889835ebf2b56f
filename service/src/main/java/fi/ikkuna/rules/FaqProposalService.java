package fi.ikkuna.rules;

import java.util.function.Supplier;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.ikkuna.auth.Authenticator;
import fi.ikkuna.protocol.ErrorCode;
import fi.ikkuna.protocol.HttpErrors;
import fi.ikkuna.protocol.Json;
import fi.ikkuna.protocol.ProtocolException;
import fi.ikkuna.triage.faq.FaqEntry;
import fi.ikkuna.triage.faq.FaqIndex;
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
        rules.get("/", HttpErrors.guard(this::list))
                .post("/{event}/accept/{draft}", HttpErrors.guard(this::accept));
    }

    private void list(ServerRequest req, ServerResponse res) {
        auth.checkRulesEditor(req);
        ObjectNode body = Json.object();
        ArrayNode arr = body.putArray("proposals");
        for (FaqProposals.Proposal p : proposals.list()) {
            FaqEntry e = faq.get().entry(p.faqId());
            arr.addObject().put("eventId", p.eventId()).put("conversationId", p.conversationId()).put("language", p.language())
                    .put("text", p.text()).put("faqId", p.faqId()).put("question", e == null ? null : e.question())
                    .put("notHelpful", p.notHelpful());
        }
        HttpErrors.json(res, body);
    }

    private void accept(ServerRequest req, ServerResponse res) {
        auth.checkRulesEditor(req);
        RuleDraft d = drafts.get(req.path().pathParameters().get("draft"));
        String event = req.path().pathParameters().get("event");
        FaqProposals.Proposal p = proposals.list().stream().filter(k -> k.eventId().equals(event)).findFirst()
                .orElseThrow(() -> new ProtocolException(ErrorCode.NOT_FOUND, "No such proposal"));
        if (faq.get().entry(p.faqId()) == null) {
            throw new ProtocolException(ErrorCode.INVALID_FIELD, "The FAQ entry no longer exists", "event",
                    java.util.Map.of("reason", "entry_gone"));
        }
        RuleFiles files = drafts.withFile(d, AcceptedVariants.FILE, AcceptedVariants.append(d.files().files().get(AcceptedVariants.FILE), p));
        drafts.doSave(d.id(), files);
        HttpErrors.json(res, Json.object().put("accepted", true).put("file", AcceptedVariants.FILE));
    }
}
