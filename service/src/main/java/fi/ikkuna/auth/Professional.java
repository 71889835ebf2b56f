package fi.ikkuna.auth;

import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

/** A local professional account: nurse, social worker, rescue adviser, rules editor or administrator. */
@Entity
@Table(name = "professional")
public class Professional {
    @Id
    private String id;
    private String username;
    @Column(name = "display_name")
    private String displayName;
    private String title;
    private String role;
    @Column(name = "password_hash")
    private String passwordHash;
    private boolean active;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "professional_queue", joinColumns = @JoinColumn(name = "professional_id"))
    @Column(name = "queue_id")
    private Set<String> queues = new HashSet<>();

    protected Professional() {
    }

    public Professional(String id, String username, String displayName, String title, String role,
                        String passwordHash, Set<String> queues) {
        this.id = id;
        this.username = username;
        this.displayName = displayName;
        this.title = title;
        this.role = role;
        this.passwordHash = passwordHash;
        this.active = true;
        this.queues = new HashSet<>(queues);
    }

    /** Signed in through the county's identity provider: its groups decide role and queues at every sign-in. */
    public void federated(String displayName, String title, String role, Set<String> queues) {
        this.displayName = displayName;
        this.title = title;
        this.role = role;
        this.queues.clear();
        this.queues.addAll(queues);
    }

    public String id() { return id; }
    public String username() { return username; }
    public String displayName() { return displayName; }
    public String title() { return title; }
    public String role() { return role; }
    public String passwordHash() { return passwordHash; }
    public boolean active() { return active; }
    public Set<String> queues() { return Set.copyOf(queues); }
}
