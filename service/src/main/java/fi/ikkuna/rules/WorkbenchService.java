package fi.ikkuna.rules;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import fi.ikkuna.auth.Authenticator;
import fi.ikkuna.auth.Principal;
import fi.ikkuna.queue.QueueCatalog;
import fi.ikkuna.triage.RuleLoadException;
import fi.ikkuna.web.ErrorCode;
import fi.ikkuna.web.Fields;
import fi.ikkuna.web.Json;
import fi.ikkuna.web.ProtocolException;
import fi.ikkuna.web.Rest;

/** {@code /api/workbench} (rules editors, administrators): versions, export, rollback and drafts. Drafts: see {@link DraftService}. */
public final class WorkbenchService implements HttpService {
    private final Authenticator auth;
    private final RuleVersions versions;
    private final ActiveRules active;

    private final Corrections corrections;
    private final QueueCatalog queues;

    public WorkbenchService(Authenticator auth, RuleVersions versions, ActiveRules active, Corrections corrections, QueueCatalog queues) {
        this.auth = auth;
        this.versions = versions;
        this.active = active;
        this.corrections = corrections;
        this.queues = queues;
    }

    /**
     * Professionals' transfers with a reason: candidate cases for the editors, de-identified. The conversation id is
     * the way to the original, through the access-logged open of someone allowed to read it.
     */
    private void corrections(ServerRequest req, ServerResponse res) {
        auth.checkRulesEditor(req);
        ObjectNode body = Json.object();
        ArrayNode arr = body.putArray("corrections");
        corrections.list(queues::serviceOf).forEach(c -> arr.addObject().put("eventId", c.eventId())
                .put("conversationId", c.conversationId()).put("text", c.contact().text())
                .put("language", c.contact().language()).put("from", c.fromQueue()).put("to", c.toQueue())
                .put("expectService", c.expectService()).put("expectUrgency", c.expectUrgency()).put("reason", c.reason()));
        Rest.json(res, body);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/versions", Rest.handle(this::list))
                .get("/versions/{n}", Rest.handle(this::version))
                .get("/versions/{n}/export", Rest.handle(this::export))
                .post("/versions/{n}/rollback", Rest.handle(this::rollback))
                .get("/corrections", Rest.handle(this::corrections));
    }

    private void list(ServerRequest req, ServerResponse res) {
        auth.checkRulesEditor(req);
        int current = active.active().version();
        ObjectNode body = Json.object().put("active", current);
        ArrayNode arr = body.putArray("versions");
        versions.list().forEach(v -> arr.addObject().put("version", v.version()).put("author", v.author()).put("approvedBy", v.approvedBy())
                .put("createdAt", v.createdAt().toString()).put("comment", v.comment()).put("active", v.version() == current));
        Rest.json(res, body);
    }

    private void version(ServerRequest req, ServerResponse res) {
        auth.checkRulesEditor(req);
        RuleVersion v = versions.version(checkVersion(req));
        ObjectNode body = Json.object().put("version", v.version()).put("author", v.author()).put("approvedBy", v.approvedBy())
                .put("createdAt", v.createdAt().toString())
                .put("comment", v.comment()).put("diff", v.diff());
        body.set("files", Json.MAPPER.valueToTree(v.files().files()));
        Rest.json(res, body);
    }

    /** The version as the triage-rules/ directory, so it can live in version control. */
    private void export(ServerRequest req, ServerResponse res) {
        auth.checkRulesEditor(req);
        int n = checkVersion(req);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, String> f : versions.version(n).files().files().entrySet()) {
                zip.putNextEntry(new ZipEntry("triage-rules/" + f.getKey()));
                zip.write(f.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        res.header(HeaderNames.CONTENT_TYPE, "application/zip")
                .header(HeaderNames.CONTENT_DISPOSITION, "attachment; filename=\"triage-rules-v" + n + ".zip\"")
                .send(bytes.toByteArray());
    }

    private void rollback(ServerRequest req, ServerResponse res) {
        Principal p = auth.checkRulesEditor(req);
        ObjectNode body = Json.parseObject(req.content().as(String.class));
        String comment = Fields.checkOptionalString(body, "comment", 1000);
        try {
            int version = versions.doRollback(p.displayName(), checkVersion(req), comment);
            Rest.json(res, Json.object().put("version", version));
        } catch (RuleLoadException e) {
            invalid(res, e);
        }
    }

    static void invalid(ServerResponse res, RuleLoadException e) {
        Map<String, Object> where = new LinkedHashMap<>();
        where.put("file", relative(e.file()));
        where.put("line", e.line());
        where.put("problem", RuleProblem.of(e));
        Rest.send(res, new ProtocolException(ErrorCode.INVALID_RULES, e.getMessage(), null, where));
    }

    /** Drafts are loaded from a scratch copy: report the path inside the rules directory. */
    static String relative(String file) {
        return file == null ? null : file.replace('\\', '/').replaceFirst("^.*/rules-[^/]+/", "");
    }

    private static int checkVersion(ServerRequest req) {
        try {
            return Integer.parseInt(req.path().pathParameters().get("n"));
        } catch (NumberFormatException e) {
            throw new ProtocolException(ErrorCode.INVALID_FIELD, "Version must be a number", "version");
        }
    }
}
