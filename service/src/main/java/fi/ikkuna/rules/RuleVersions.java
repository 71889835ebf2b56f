package fi.ikkuna.rules;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Logger;

import fi.ikkuna.persistence.Database;
import fi.ikkuna.triage.RuleLoadException;
import fi.ikkuna.web.ErrorCode;
import fi.ikkuna.web.ProtocolException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

/**
 * Numbered rule-set versions in the database. The rules directory seeds version 1 and is imported again as a
 * new version whenever its content changed; publish and rollback add versions. Every activation is atomic.
 */
public final class RuleVersions {
    private static final Logger LOG = Logger.getLogger(RuleVersions.class.getName());

    private final Database db;
    private final ActiveRules active;
    private final Path scratch;
    private final ZoneId zone;
    private final Clock clock;
    private final Consumer<CompiledRules> onActivate;
    private final java.util.function.IntConsumer announce;

    /**
     * {@code announce} is told of every version this node made active (import, publish, rollback) so other nodes
     * {@link #refresh} at once; they also refresh on a timer, which heals a lost notice (docs/cluster.md).
     */
    public RuleVersions(Database db, ActiveRules active, Path scratch, ZoneId zone, Clock clock, Consumer<CompiledRules> onActivate,
            java.util.function.IntConsumer announce) {
        this.db = db;
        this.announce = announce;
        this.active = active;
        this.scratch = scratch;
        this.zone = zone;
        this.clock = clock;
        this.onActivate = onActivate;
    }

    public CompiledRules compile(RuleFiles files) {
        return CompiledRules.compile(files, scratch, zone);
    }

    /**
     * Start-up and file reload: imports the directory as a new version when its content differs from the last
     * import, then activates the active version. An invalid directory is reported and, when an earlier version
     * exists, that one stays active.
     */
    public void doImportDirectory(Path dir, boolean failIfInvalid) {
        RuleFiles files = Files.isDirectory(dir) ? RuleFiles.read(dir) : new RuleFiles(new java.util.TreeMap<>());
        CompiledRules compiled = null;
        RuleLoadException invalid = null;
        try {
            compiled = compile(files);
        } catch (RuleLoadException e) {
            invalid = e;
        }
        CompiledRules fromDir = compiled;
        RuleLoadException error = invalid;
        int version = db.tx(em -> {
            RuleState state = em.find(RuleState.class, RuleState.ID, LockModeType.PESSIMISTIC_WRITE);
            boolean changed = state == null || !state.directoryHash().equals(files.hash());
            if (changed && error != null && (state == null || failIfInvalid)) {
                throw error;
            }
            if (changed && fromDir != null) {
                int next = state == null ? 1 : state.activeVersion() + 1;
                RuleFiles previous = state == null ? new RuleFiles(new java.util.TreeMap<>()) : find(em, state.activeVersion()).files();
                em.persist(new RuleVersion(next, "triage-rules directory", null, clock.instant(), "imported from " + dir.toAbsolutePath(),
                        files, RuleDiff.between(previous, files)));
                if (state == null) {
                    em.persist(new RuleState(next, files.hash()));
                } else {
                    state.activate(next);
                    state.imported(files.hash());
                }
                return next;
            }
            return state.activeVersion();
        });
        if (invalid != null) {
            LOG.severe("Rules directory " + dir.toAbsolutePath() + " is invalid, keeping version " + version + ": " + invalid.getMessage());
        }
        activate(version, compiled != null && compiled.files().hash().equals(versionFiles(version).hash()) ? compiled : null);
        announce.accept(version);
    }

    /** Publishes files as the next version on top of {@code baseVersion}; a concurrent publish on the same base loses. */
    public int doPublish(String author, String approvedBy, int baseVersion, RuleFiles files, String comment, CompiledRules compiled) {
        int version = db.tx(em -> {
            RuleState state = em.find(RuleState.class, RuleState.ID, LockModeType.PESSIMISTIC_WRITE);
            if (state.activeVersion() != baseVersion) {
                throw new ProtocolException(ErrorCode.ILLEGAL_TRANSITION, "Version " + state.activeVersion()
                        + " was published after your draft's base " + baseVersion + ": rebase the draft and test again",
                        null, java.util.Map.of("activeVersion", state.activeVersion(), "rebase", true));
            }
            int next = state.activeVersion() + 1;
            em.persist(new RuleVersion(next, author, approvedBy, clock.instant(), comment, files,
                    RuleDiff.between(find(em, state.activeVersion()).files(), files)));
            state.activate(next);
            return next;
        });
        activate(version, compiled);
        announce.accept(version);
        return version;
    }

    /** Rolls back by publishing an earlier version's files again as a new version: history stays linear. */
    public int doRollback(String author, int toVersion, String comment) {
        RuleFiles files = versionFiles(toVersion);
        CompiledRules compiled = compile(files);
        SafetyChanges changes = SafetyChanges.between(active.active().rules(), compiled);
        if (changes.needsSecondApprover()) {
            throw new ProtocolException(ErrorCode.ILLEGAL_TRANSITION, "Rolling back to version " + toVersion + " would remove or change "
                    + "the safety net (" + changes.describe() + "): import that version's export as a draft, have a "
                    + "second rules editor approve it, then publish it", null, java.util.Map.of("approvalRequired", true));
        }
        int base = active.active().version();
        return doPublish(author, null, base, files, "rollback to version " + toVersion + (comment == null ? "" : ": " + comment), compiled);
    }

    public List<RuleVersion> list() {
        return db.read(em -> em.createQuery("select v from RuleVersion v order by v.version desc", RuleVersion.class).getResultList());
    }

    public RuleVersion version(int n) {
        return db.read(em -> find(em, n));
    }

    RuleFiles versionFiles(int n) {
        return version(n).files();
    }

    /**
     * Activates the database's active version when this node serves another (published on another node); returns
     * whether it changed. Called on a notice from another node and on a timer.
     */
    public boolean refresh() {
        Integer stored = db.read(em -> {
            RuleState state = em.find(RuleState.class, RuleState.ID);
            return state == null ? null : state.activeVersion();
        });
        if (stored == null || active.ready() && active.active().version() >= stored) {
            return false;
        }
        return activate(stored, null);
    }

    /**
     * Versions only grow (a rollback is a new version), so an older one never replaces a newer one: a slow refresh
     * racing a local publish cannot undo it.
     */
    private synchronized boolean activate(int version, CompiledRules compiled) {
        if (active.ready() && active.active().version() > version) {
            return false;
        }
        CompiledRules rules = compiled != null ? compiled : compile(versionFiles(version));
        active.activate(version, rules);
        onActivate.accept(rules);
        LOG.info("Rule set version " + version + " active");
        return true;
    }

    private static RuleVersion find(EntityManager em, int n) {
        RuleVersion v = em.find(RuleVersion.class, n);
        if (v == null) {
            throw new ProtocolException(ErrorCode.NOT_FOUND, "No rule version " + n);
        }
        return v;
    }
}
