package fi.ikkuna.form;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

import fi.ikkuna.triage.RuleLoadException;

/** The active form definitions; a reload swaps them in whole or, on any error, keeps the previous ones. */
public final class FormCatalog {
    private static final Logger LOG = Logger.getLogger(FormCatalog.class.getName());
    private final Path dir;
    private final AtomicReference<Map<String, FormDefinition>> forms = new AtomicReference<>(Map.of());

    public FormCatalog(Path dir) {
        this.dir = dir;
    }

    /** Loads at start-up; invalid files are logged and leave no forms, so the service still starts. */
    public static FormCatalog load(Path dir) {
        FormCatalog c = new FormCatalog(dir);
        try {
            c.reload();
        } catch (RuleLoadException e) {
            LOG.severe("Forms not loaded from " + dir.toAbsolutePath() + ": " + e.getMessage());
        }
        return c;
    }

    /** Re-reads the directory; throws {@link RuleLoadException} (file:line: reason) and keeps the old forms. */
    public void reload() {
        forms.set(java.util.Collections.unmodifiableMap(FormLoader.load(dir)));
    }

    public Map<String, FormDefinition> all() {
        return forms.get();
    }

    public Optional<FormDefinition> find(String id) {
        return Optional.ofNullable(forms.get().get(id));
    }
}
