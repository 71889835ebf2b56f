package fi.ikkuna.form;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;

import fi.ikkuna.triage.RuleLoadException;
import fi.ikkuna.triage.load.YamlNode;
import fi.ikkuna.triage.load.YamlReader;

/**
 * Reads {@code triage-rules/forms/*.yaml}, one form per file. All or nothing: the first mistake aborts the load
 * with file:line: reason (the same line-aware YAML reader as the rules), and the caller keeps its previous forms.
 */
public final class FormLoader {
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,63}");
    private static final Pattern FIELD_NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    private static final int DEFAULT_MAX_LENGTH = 2000;

    private FormLoader() {
    }

    public static Map<String, FormDefinition> load(Path dir) {
        Map<String, FormDefinition> forms = new LinkedHashMap<>();
        Map<String, Path> formTypes = new HashMap<>();
        for (Path file : files(dir)) {
            YamlNode root = YamlReader.read(file);
            FormDefinition f = form(root);
            if (forms.containsKey(f.id())) {
                throw root.get("id").error("duplicate form id '" + f.id() + "'");
            }
            Path other = formTypes.putIfAbsent(f.formType(), file);
            if (other != null) {
                throw root.get("form_type").error("form_type '" + f.formType() + "' is already used by " + other.getFileName());
            }
            forms.put(f.id(), f);
        }
        return forms;
    }

    private static FormDefinition form(YamlNode root) {
        root.checkKeys("id", "form_type", "title", "intro", "fields");
        String id = checkId(root.get("id"), ID, "form id");
        String type = checkId(root.get("form_type"), ID, "form_type");
        List<FieldDefinition> fields = new ArrayList<>();
        for (YamlNode n : root.get("fields").list()) {
            FieldDefinition f = field(n);
            if (fields.stream().anyMatch(x -> x.name().equals(f.name()))) {
                throw n.get("name").error("duplicate field name '" + f.name() + "'");
            }
            fields.add(f);
        }
        if (fields.isEmpty()) {
            throw root.get("fields").error("a form needs at least one field");
        }
        return new FormDefinition(id, type, texts(root.get("title")), root.opt("intro").map(FormLoader::texts).orElse(null),
                List.copyOf(fields));
    }

    private static FieldDefinition field(YamlNode n) {
        n.checkKeys("name", "type", "required", "max_length", "multiline", "pattern", "choices", "min", "max", "label", "help",
                "errors");
        String name = checkId(n.get("name"), FIELD_NAME, "field name");
        FieldType type;
        try {
            type = FieldType.valueOf(n.str("type").trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw n.get("type").error("unknown field type '" + n.str("type") + "' (allowed: text, choice, date, phone, email, consent)");
        }
        checkOnly(n, type, FieldType.TEXT, "max_length", "multiline", "pattern");
        checkOnly(n, type, FieldType.CHOICE, "choices");
        checkOnly(n, type, FieldType.DATE, "min", "max");
        int maxLength = n.optInt("max_length").orElse(DEFAULT_MAX_LENGTH);
        if (maxLength < 1 || maxLength > 10000) {
            throw n.get("max_length").error("max_length must be 1..10000");
        }
        Pattern pattern = n.opt("pattern").map(FormLoader::pattern).orElse(null);
        Map<String, Texts> errors = new LinkedHashMap<>();
        n.opt("errors").ifPresent(e -> e.map().forEach((code, t) -> {
            if (!FormMessages.DEFAULTS.containsKey(code)) {
                throw t.error("unknown error code '" + code + "' (allowed: " + String.join(", ", FormMessages.DEFAULTS.keySet()) + ")");
            }
            errors.put(code, texts(t));
        }));
        if (pattern != null && !errors.containsKey("pattern")) {
            throw n.get("pattern").error("a pattern needs errors.pattern texts that tell the resident what to write");
        }
        List<FieldDefinition.Choice> choices = new ArrayList<>();
        if (type == FieldType.CHOICE) {
            for (YamlNode c : n.get("choices").list()) {
                c.checkKeys("value", "label");
                choices.add(new FieldDefinition.Choice(checkId(c.get("value"), ID, "choice value"), texts(c.get("label"))));
            }
        }
        return new FieldDefinition(name, type, n.optBool("required").orElse(false), maxLength,
                n.optBool("multiline").orElse(false), pattern, List.copyOf(choices), bound(n, "min"), bound(n, "max"),
                texts(n.get("label")), n.opt("help").map(FormLoader::texts).orElse(null), Map.copyOf(errors));
    }

    private static void checkOnly(YamlNode n, FieldType type, FieldType owner, String... keys) {
        for (String k : keys) {
            if (type != owner && n.opt(k).isPresent()) {
                throw n.get(k).error("'" + k + "' applies only to " + owner.wire() + " fields");
            }
        }
    }

    private static DateBound bound(YamlNode n, String key) {
        return n.opt(key).map(b -> {
            try {
                return DateBound.parse(b.text());
            } catch (IllegalArgumentException e) {
                throw b.error(e.getMessage());
            }
        }).orElse(null);
    }

    private static Pattern pattern(YamlNode n) {
        try {
            return Pattern.compile(n.text());
        } catch (PatternSyntaxException e) {
            throw n.error("invalid pattern: " + e.getDescription());
        }
    }

    /** Labels, help and errors must exist in fi, sv and en: a resident never sees a blank. */
    private static Texts texts(YamlNode n) {
        Map<String, String> m = new HashMap<>();
        n.map().forEach((lang, t) -> {
            if (!List.of("fi", "sv", "en").contains(lang)) {
                throw t.error("unknown language '" + lang + "' (allowed: fi, sv, en)");
            }
            if (t.text().isBlank()) {
                throw t.error("empty " + lang + " text");
            }
            m.put(lang, t.text().strip());
        });
        for (String lang : List.of("fi", "sv", "en")) {
            if (!m.containsKey(lang)) {
                throw n.error("missing " + lang + " text");
            }
        }
        return new Texts(Map.copyOf(m));
    }

    private static String checkId(YamlNode n, Pattern p, String what) {
        String v = n.text().trim();
        if (!p.matcher(v).matches()) {
            throw n.error(what + " '" + v + "' must match " + p.pattern());
        }
        return v;
    }

    private static List<Path> files(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new RuleLoadException(dir, 0, "cannot list directory: " + e.getMessage(), e);
        }
    }
}
