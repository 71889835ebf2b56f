package fi.ikkuna.auth;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;

import fi.ikkuna.persistence.Database;

/** Professional accounts: password check and the documented demo accounts. */
public final class Accounts {
    private static final Logger LOG = Logger.getLogger(Accounts.class.getName());
    // A fixed dummy hash keeps a login for an unknown user as slow as one for a known user.
    private static final String DUMMY = PasswordHasher.hash("not-a-password");

    /** Not a PHC string, so {@link PasswordHasher#verify} refuses every password for a federated account. */
    private static final String FEDERATED = "!federated";

    private final Database db;

    public Accounts(Database db) {
        this.db = db;
    }

    /** The account when the password matches an active account; empty otherwise (no hint which part was wrong). */
    public Optional<Principal> authenticate(String username, String password) {
        Optional<Professional> p = db.read(em -> em.createQuery("select p from Professional p where p.username = :u", Professional.class)
                .setParameter("u", username).getResultStream().findFirst());
        if (p.isEmpty() || !p.get().active()) {
            PasswordHasher.verify(password, DUMMY);
            return Optional.empty();
        }
        return PasswordHasher.verify(password, p.get().passwordHash()) ? p.map(Principal::of) : Optional.empty();
    }

    public Optional<Principal> find(String id) {
        return db.read(em -> Optional.ofNullable(em.find(Professional.class, id)).map(Principal::of));
    }

    /** Creates an account unless the username exists. */
    public void doEnsure(String username, String password, String displayName, String title, String role, Set<String> queues) {
        db.tx(em -> {
            boolean exists = !em.createQuery("select p.id from Professional p where p.username = :u", String.class)
                    .setParameter("u", username).getResultList().isEmpty();
            if (!exists) {
                em.persist(new Professional(UUID.randomUUID().toString(), username, displayName, title, role,
                        PasswordHasher.hash(password), queues));
            }
            return null;
        });
    }

    /**
     * An account of the county's identity provider (identification.StaffSignIn): created at its first sign-in and
     * brought up to date with the provider's groups at every one. It has no password, so it can never sign in locally;
     * its username ({@code idp:<subject>}) cannot be a local account's. Empty when the account was deactivated here.
     */
    public Optional<Principal> doFederated(String username, String displayName, String title, String role, Set<String> queues) {
        return db.tx(em -> {
            Professional p = em.createQuery("select p from Professional p where p.username = :u", Professional.class)
                    .setParameter("u", username).getResultStream().findFirst().orElse(null);
            if (p == null) {
                p = new Professional(UUID.randomUUID().toString(), username, displayName, title, role, FEDERATED, queues);
                em.persist(p);
            } else if (!p.active()) {
                return Optional.empty();
            } else {
                p.federated(displayName, title, role, queues);
            }
            return Optional.of(Principal.of(p));
        });
    }

    /** The demo accounts listed in the README; seeded only on the embedded database unless configured otherwise. */
    public void doSeedDemo() {
        Set<String> all = Set.of("health", "prescriptions", "dental", "mental-health", "substance-use", "child-family",
                "social", "elderly", "disability", "rescue", "general");
        doEnsure("hoitaja", "hoitaja-demo", "Hanna Virtanen", "sairaanhoitaja", "professional",
                Set.of("health", "prescriptions", "dental", "general"));
        doEnsure("hoitaja2", "hoitaja2-demo", "Noora Korhonen", "terveydenhoitaja", "professional",
                Set.of("health", "child-family", "mental-health", "substance-use"));
        doEnsure("sosiaali", "sosiaali-demo", "Sami Mäkinen", "sosiaalityöntekijä", "professional",
                Set.of("social", "child-family", "elderly", "disability"));
        doEnsure("pelastus", "pelastus-demo", "Pekka Nieminen", "palotarkastaja", "professional", Set.of("rescue", "general"));
        doEnsure("saannot", "saannot-demo", "Riikka Laine", "sääntöasiantuntija", "rules_editor", Set.of());
        doEnsure("johtaja", "johtaja-demo", "Maija Lehtonen", "palvelupäällikkö", "manager", Set.of());
        doEnsure("admin", "admin-demo", "Antti Järvinen", "pääkäyttäjä", "administrator", all);
        LOG.info("Demo accounts seeded (see README)");
    }
}
