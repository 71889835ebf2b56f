package fi.ikkuna.rules;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The single row naming the active version; publishing locks it, which serialises concurrent publishes. */
@Entity
@Table(name = "rule_state")
public class RuleState {
    static final int ID = 1;

    @Id
    private int id;
    @Column(name = "active_version")
    private int activeVersion;
    @Column(name = "directory_hash")
    private String directoryHash;

    protected RuleState() {
    }

    RuleState(int activeVersion, String directoryHash) {
        this.id = ID;
        this.activeVersion = activeVersion;
        this.directoryHash = directoryHash;
    }

    int activeVersion() { return activeVersion; }
    String directoryHash() { return directoryHash; }

    void activate(int version) {
        this.activeVersion = version;
    }

    void imported(String hash) {
        this.directoryHash = hash;
    }
}
