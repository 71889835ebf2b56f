package fi.ikkuna.rules;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One published rule set: numbered, with author, time, comment, its files and the diff to its predecessor. */
@Entity
@Table(name = "rule_version")
public class RuleVersion {
    @Id
    private int version;
    private String author;
    @Column(name = "created_at")
    private Instant createdAt;
    private String comment;
    @Column(name = "files_json")
    private String filesJson;
    private String diff;
    @Column(name = "files_hash")
    private String filesHash;
    @Column(name = "approved_by")
    private String approvedBy;

    protected RuleVersion() {
    }

    RuleVersion(int version, String author, String approvedBy, Instant createdAt, String comment, RuleFiles files, String diff) {
        this.version = version;
        this.approvedBy = approvedBy;
        this.author = author;
        this.createdAt = createdAt;
        this.comment = comment;
        this.filesJson = files.toJson();
        this.diff = diff;
        this.filesHash = files.hash();
    }

    public int version() { return version; }
    public String author() { return author; }
    public Instant createdAt() { return createdAt; }
    public String comment() { return comment; }
    public RuleFiles files() { return RuleFiles.fromJson(filesJson); }
    public String diff() { return diff; }
    public String filesHash() { return filesHash; }
    /** The second rules editor who approved a change to the safety net, or null. */
    public String approvedBy() { return approvedBy; }
}
