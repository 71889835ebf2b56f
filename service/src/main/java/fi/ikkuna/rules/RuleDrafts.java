package fi.ikkuna.rules;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.TreeMap;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import fi.ikkuna.auth.Principal;
import fi.ikkuna.persistence.Database;
import fi.ikkuna.web.ErrorCode;
import fi.ikkuna.web.ProtocolException;

/** Editors' drafts: created from the active version or from an imported zip, edited file by file, rebased. */
public final class RuleDrafts {
    private static final int MAX_FILE_CHARS = 1_000_000;
    /** A zip import is bounded as a whole too: 200 entries of 1 MB each once became a 200 MB draft. */
    static final int MAX_ZIP_ENTRIES = 500;
    static final int MAX_ZIP_FILES = 100;
    static final long MAX_ZIP_TOTAL_CHARS = 5_000_000;
    private final Database db;
    private final ActiveRules active;
    private final Clock clock;

    public RuleDrafts(Database db, ActiveRules active, Clock clock) {
        this.db = db;
        this.active = active;
        this.clock = clock;
    }

    public RuleDraft doCreate(Principal p, RuleFiles files) {
        ActiveRules.Active a = active.active();
        RuleDraft d = new RuleDraft(UUID.randomUUID().toString(), p.id(), a.version(), files == null ? a.rules().files() : files,
                clock.instant());
        db.tx(em -> {
            em.persist(d);
            return null;
        });
        return d;
    }

    public RuleDraft get(String id) {
        RuleDraft d = db.read(em -> em.find(RuleDraft.class, id));
        if (d == null) {
            throw new ProtocolException(ErrorCode.NOT_FOUND, "No such draft");
        }
        return d;
    }

    public RuleFiles withFile(RuleDraft d, String path, String content) {
        return d.files().with(checkPath(path), content);
    }

    public RuleDraft doSave(String id, RuleFiles files) {
        return db.tx(em -> {
            RuleDraft d = em.find(RuleDraft.class, id);
            if (d == null) {
                throw new ProtocolException(ErrorCode.NOT_FOUND, "No such draft");
            }
            d.update(files, clock.instant());
            return d;
        });
    }

    /** Every draft, newest first: a second rules editor finds the one she is asked to approve. */
    public java.util.List<RuleDraft> list() {
        return db.read(em -> em.createQuery("select d from RuleDraft d order by d.updatedAt desc", RuleDraft.class).getResultList());
    }

    /** Records a second rules editor's approval of the draft's current files (never its author's). */
    public RuleDraft doApprove(String id, String approverId, String approverName) {
        return db.tx(em -> {
            RuleDraft d = em.find(RuleDraft.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
            if (d == null) {
                throw new ProtocolException(ErrorCode.NOT_FOUND, "No such draft");
            }
            if (d.authorId().equals(approverId)) {
                throw new ProtocolException(ErrorCode.FORBIDDEN, "The draft's author cannot approve it: a second rules editor must");
            }
            d.approve(approverId, approverName, d.files().hash());
            return d;
        });
    }

    /** Moves the draft onto the active version, keeping the editor's files; they test again before publishing. */
    public RuleDraft doRebase(String id) {
        int version = active.active().version();
        return db.tx(em -> {
            RuleDraft d = em.find(RuleDraft.class, id);
            if (d == null) {
                throw new ProtocolException(ErrorCode.NOT_FOUND, "No such draft");
            }
            d.rebase(version, d.files(), clock.instant());
            return d;
        });
    }

    public void doDelete(String id) {
        db.tx(em -> {
            RuleDraft d = em.find(RuleDraft.class, id);
            if (d != null) {
                em.remove(d);
            }
            return null;
        });
    }

    /** Reads the YAML files of a zip (as exported); anything else in it is ignored. */
    public static RuleFiles checkZip(byte[] zip) {
        TreeMap<String, String> files = new TreeMap<>();
        int entries = 0;
        long total = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (++entries > MAX_ZIP_ENTRIES) {
                    throw new ProtocolException(ErrorCode.INVALID_FIELD, "The zip has more than " + MAX_ZIP_ENTRIES + " entries", "file",
                            java.util.Map.of("reason", "zip_too_large"));
                }
                String name = e.getName().replaceFirst("^triage-rules/", "");
                if (!e.isDirectory() && (name.endsWith(".yaml") || name.endsWith(".yml"))) {
                    byte[] bytes = in.readNBytes(MAX_FILE_CHARS + 1);
                    if (bytes.length > MAX_FILE_CHARS) {
                        throw new ProtocolException(ErrorCode.INVALID_FIELD, name + " is too large", "file",
                                java.util.Map.of("reason", "zip_too_large"));
                    }
                    total += bytes.length;
                    if (files.size() >= MAX_ZIP_FILES || total > MAX_ZIP_TOTAL_CHARS) {
                        throw new ProtocolException(ErrorCode.INVALID_FIELD, "The zip holds more than " + MAX_ZIP_FILES
                                + " rule files or " + MAX_ZIP_TOTAL_CHARS / 1_000_000 + " MB in all", "file", java.util.Map.of("reason", "zip_too_large"));
                    }
                    files.put(checkPath(name), new String(bytes, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new ProtocolException(ErrorCode.INVALID_FIELD, "Not a readable zip file", "file", java.util.Map.of("reason", "zip_unreadable"));
        }
        if (files.isEmpty()) {
            throw new ProtocolException(ErrorCode.INVALID_FIELD, "The zip holds no .yaml files", "file", java.util.Map.of("reason", "zip_empty"));
        }
        return new RuleFiles(files);
    }

    /** Relative paths of YAML files inside the rules directory only. */
    static String checkPath(String path) {
        if (path == null || !path.matches("[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*\\.ya?ml") || path.length() > 200) {
            throw new ProtocolException(ErrorCode.INVALID_FIELD, "File path must be like rules/30-urgency.yaml", "path",
                    java.util.Map.of("reason", "bad_path"));
        }
        return path;
    }
}
