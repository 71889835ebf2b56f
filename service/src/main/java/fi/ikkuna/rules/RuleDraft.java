package fi.ikkuna.rules;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An editor's working copy of the rule files, based on a published version. */
@Entity
@Table(name = "rule_draft")
public class RuleDraft {
    @Id
    private String id;
    @Column(name = "author_id")
    private String authorId;
    @Column(name = "base_version")
    private int baseVersion;
    @Column(name = "files_json")
    private String filesJson;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Column(name = "approved_by_id")
    private String approvedById;
    @Column(name = "approved_by_name")
    private String approvedByName;
    @Column(name = "approved_hash")
    private String approvedHash;

    protected RuleDraft() {
    }

    RuleDraft(String id, String authorId, int baseVersion, RuleFiles files, Instant at) {
        this.id = id;
        this.authorId = authorId;
        this.baseVersion = baseVersion;
        update(files, at);
    }

    /** Any change of the files withdraws an approval: the approver saw other files. */
    void update(RuleFiles files, Instant at) {
        this.filesJson = files.toJson();
        this.updatedAt = at;
        this.approvedById = null;
        this.approvedByName = null;
        this.approvedHash = null;
    }

    void approve(String approverId, String approverName, String filesHash) {
        this.approvedById = approverId;
        this.approvedByName = approverName;
        this.approvedHash = filesHash;
    }

    /** A second rules editor's approval: her account and her name (recorded on the version). */
    public record Approval(String id, String name) {
    }

    /** The approver of exactly these files, if any. */
    public java.util.Optional<Approval> approval() {
        return approvedHash != null && approvedHash.equals(files().hash())
                ? java.util.Optional.of(new Approval(approvedById, approvedByName)) : java.util.Optional.empty();
    }

    void rebase(int version, RuleFiles files, Instant at) {
        this.baseVersion = version;
        update(files, at);
    }

    public String id() { return id; }
    public String authorId() { return authorId; }
    public int baseVersion() { return baseVersion; }
    public RuleFiles files() { return RuleFiles.fromJson(filesJson); }
    public Instant updatedAt() { return updatedAt; }
}
