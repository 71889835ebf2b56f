package fi.ikkuna.rules;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import fi.ikkuna.auth.Authenticator;
import fi.ikkuna.auth.Principal;
import fi.ikkuna.queue.QueueCatalog;
import fi.ikkuna.triage.RuleLoadException;
import fi.ikkuna.triage.api.Simulation;
import fi.ikkuna.web.ErrorCode;
import fi.ikkuna.web.Fields;
import fi.ikkuna.web.Json;
import fi.ikkuna.web.ProtocolException;
import fi.ikkuna.web.Rest;

/**
 * {@code /api/workbench/drafts}: create (from the active version or a zip), edit with validation as you type,
 * try a message against draft and published side by side, test against cases and corrections, publish, rebase.
 */
public final class DraftService implements HttpService {
    private final Authenticator auth;
    private final RuleDrafts drafts;
    private final RuleVersions versions;
    private final ActiveRules active;
    private final DraftCompiler compiler;
    private final Corrections corrections;
    private final QueueCatalog queues;
    private final Simulation simulation;

    public DraftService(Authenticator auth, RuleDrafts drafts, RuleVersions versions, ActiveRules active, Corrections corrections,
                        QueueCatalog queues, Simulation simulation, long compileCacheBytes) {
        this.auth = auth;
        this.drafts = drafts;
        this.versions = versions;
        this.active = active;
        this.compiler = new DraftCompiler(versions, compileCacheBytes);
        this.corrections = corrections;
        this.queues = queues;
        this.simulation = simulation;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/", Rest.handle(this::create))
                .post("/import", Rest.handle(this::importZip))
                .get("/", Rest.handle(this::list))
                .get("/{id}", Rest.handle(this::get))
                .put("/{id}/files", Rest.handle(this::save))
                .post("/{id}/validate", Rest.handle(this::validate))
                .post("/{id}/try", Rest.handle(this::tryIt))
                .post("/{id}/test", Rest.handle(this::test))
                .post("/{id}/publish", Rest.handle(this::publish))
                .post("/{id}/approve", Rest.handle(this::approve))
                .post("/{id}/rebase", Rest.handle(this::rebase))
                .post("/{id}/corrections/{event}/accept", Rest.handle(this::acceptCorrection));
    }

    private void create(ServerRequest req, ServerResponse res) {
        Principal p = auth.checkRulesEditor(req);
        res.status(Status.CREATED_201);
        Rest.json(res, draftJson(drafts.doCreate(p, null)));
    }

    private void importZip(ServerRequest req, ServerResponse res) {
        Principal p = auth.checkRulesEditor(req);
        RuleFiles files = RuleDrafts.checkZip(req.content().as(byte[].class));
        res.status(Status.CREATED_201);
        Rest.json(res, draftJson(drafts.doCreate(p, files)));
    }

    /** The drafts (without their files), whose they are, and who approved their current files. */
    private void list(ServerRequest req, ServerResponse res) {
        Principal p = auth.checkRulesEditor(req);
        ObjectNode body = Json.object();
        var arr = body.putArray("drafts");
        for (RuleDraft d : drafts.list()) {
            ObjectNode o = arr.addObject().put("id", d.id()).put("baseVersion", d.baseVersion()).put("updatedAt", d.updatedAt().toString())
                    .put("mine", d.authorId().equals(p.id()));
            d.approval().ifPresent(a -> o.put("approvedBy", a.name()));
        }
        Rest.json(res, body);
    }

    private void get(ServerRequest req, ServerResponse res) {
        auth.checkRulesEditor(req);
        Rest.json(res, draftJson(draft(req)));
    }

    /** Saves one file (content null deletes it) and answers with the validation of the whole draft. */
    private void save(ServerRequest req, ServerResponse res) {
        auth.checkRulesEditor(req);
        ObjectNode body = Json.parseObject(req.content().as(String.class));
        RuleDraft d = draft(req);
        JsonNode content = body.get("content");
        RuleFiles files = drafts.withFile(d, Fields.checkString(body, "path", 200),
                content == null || content.isNull() ? null : Fields.checkOptionalString(body, "content", 1_000_000));
        drafts.doSave(d.id(), files);
        Rest.json(res, validation(files));
    }

    private void validate(ServerRequest req, ServerResponse res) {
        auth.checkRulesEditor(req);
        ObjectNode body = Json.parseObject(req.content().as(String.class));
        Rest.json(res, validation(drafts.withFile(draft(req), Fields.checkString(body, "path", 200),
                Fields.checkOptionalString(body, "content", 1_000_000))));
    }

    private void tryIt(ServerRequest req, ServerResponse res) {
        auth.checkRulesEditor(req);
        var contact = simulation.checkContact(Json.parseObject(req.content().as(String.class)));
        CompiledRules draft = compiled(draft(req).files());
        ObjectNode body = Json.object();
        body.set("draft", Json.MAPPER.valueToTree(simulation.toJson(draft.pipeline().triage(contact))));
        body.set("published", Json.MAPPER.valueToTree(simulation.toJson(active.triage(contact))));
        Rest.json(res, body);
    }

    private void test(ServerRequest req, ServerResponse res) {
        auth.checkRulesEditor(req);
        DraftEvaluation.Report report = DraftEvaluation.run(compiled(draft(req).files()), active, corrections.list(queues::serviceOf));
        Rest.json(res, Json.MAPPER.valueToTree(report));
    }

    /**
     * Publishing is refused when the draft misses any labelled emergency of its own or of the published version
     * (the protected baseline: deleting cases does not shrink it), when it takes anything from the safety net
     * without a second rules editor's approval of exactly these files, and when someone published first.
     */
    private void publish(ServerRequest req, ServerResponse res) {
        Principal p = auth.checkRulesEditor(req);
        ObjectNode body = Json.parseObject(req.content().as(String.class));
        String comment = Fields.checkString(body, "comment", 1000);
        RuleDraft d = draft(req);
        CompiledRules compiled = compiled(d.files());
        CompiledRules published = active.active().rules();
        SafetyChanges changes = SafetyChanges.between(published, compiled);
        double recall = DraftEvaluation.emergencyRecall(compiled, SafetyChanges.protectedEmergencies(published, changes));
        if (recall < 1.0) {
            throw new ProtocolException(ErrorCode.INVALID_FIELD, String.format(
                    "Emergency recall would drop to %.1f %%: every labelled emergency must stay an emergency", recall * 100),
                    null, Map.of("reason", "emergency_recall", "recall", recall));
        }
        String approver = null;
        if (changes.needsSecondApprover()) {
            RuleDraft.Approval approval = d.approval().orElseThrow(() -> new ProtocolException(ErrorCode.ILLEGAL_TRANSITION,
                    "This draft removes or changes the safety net (" + changes.describe() + "): a second rules editor must approve it",
                    null, Map.of("approvalRequired", true, "safetyRules", changes.changedSafetyRules(),
                            "removedEmergencies", changes.removedEmergencies())));
            if (approval.id().equals(p.id())) {
                throw new ProtocolException(ErrorCode.FORBIDDEN, "The approver cannot also publish: four eyes means two people",
                        null, Map.of("reason", "approver_publishes"));
            }
            approver = approval.name();
        }
        int version = versions.doPublish(p.displayName(), approver, d.baseVersion(), d.files(), comment, compiled);
        drafts.doDelete(d.id());
        Rest.json(res, Json.object().put("version", version));
    }

    /** A second rules editor approves the draft's current files; what it changes in the safety net is in the answer. */
    private void approve(ServerRequest req, ServerResponse res) {
        Principal p = auth.checkRulesEditor(req);
        RuleDraft d = drafts.doApprove(draft(req).id(), p.id(), p.displayName());
        SafetyChanges changes = SafetyChanges.between(active.active().rules(), compiled(d.files()));
        Rest.json(res, Json.object().put("approvedBy", p.displayName()).put("filesHash", d.files().hash())
                .set("safetyChanges", Json.MAPPER.valueToTree(changes)));
    }

    private void rebase(ServerRequest req, ServerResponse res) {
        auth.checkRulesEditor(req);
        Rest.json(res, draftJson(drafts.doRebase(draft(req).id())));
    }

    /** Turns a professional's transfer into a labelled case of the draft (cases/corrections.yaml). */
    private void acceptCorrection(ServerRequest req, ServerResponse res) {
        auth.checkRulesEditor(req);
        RuleDraft d = draft(req);
        String event = req.path().pathParameters().get("event");
        Corrections.Correction c = corrections.list(queues::serviceOf).stream().filter(k -> k.eventId().equals(event)).findFirst()
                .orElseThrow(() -> new ProtocolException(ErrorCode.NOT_FOUND, "No such correction"));
        if (c.expectService() == null && c.expectUrgency() == null) {
            throw new ProtocolException(ErrorCode.INVALID_FIELD, "The target queue no longer exists", "event",
                    Map.of("reason", "queue_gone"));
        }
        RuleFiles files = drafts.withFile(d, CorrectionCases.FILE, CorrectionCases.append(d.files().files().get(CorrectionCases.FILE), c));
        drafts.doSave(d.id(), files);
        Rest.json(res, validation(files));
    }

    private CompiledRules compiled(RuleFiles files) {
        try {
            return compiler.compile(files);
        } catch (RuleLoadException e) {
            throw new ProtocolException(ErrorCode.INVALID_FIELD, "The draft does not load: " + e.getMessage(),
                    WorkbenchService.relative(e.file()), Map.of("problem", RuleProblem.of(e)));
        }
    }

    private ObjectNode validation(RuleFiles files) {
        try {
            compiler.compile(files);
            return Json.object().put("valid", true);
        } catch (RuleLoadException e) {
            ObjectNode o = Json.object().put("valid", false);
            o.set("error", RuleProblem.of(e));
            return o;
        }
    }

    private RuleDraft draft(ServerRequest req) {
        return drafts.get(req.path().pathParameters().get("id"));
    }

    private static ObjectNode draftJson(RuleDraft d) {
        ObjectNode o = Json.object().put("id", d.id()).put("baseVersion", d.baseVersion()).put("updatedAt", d.updatedAt().toString())
                .put("authorId", d.authorId());
        d.approval().ifPresent(a -> o.put("approvedBy", a.name()));
        o.set("files", Json.MAPPER.valueToTree(d.files().files()));
        return o;
    }
}
