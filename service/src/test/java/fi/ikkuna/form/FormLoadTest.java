package fi.ikkuna.form;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import fi.ikkuna.support.CountyRules;
import fi.ikkuna.triage.RuleLoadException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped forms load; a broken definition is refused with file:line: reason and the old forms stay. */
class FormLoadTest {

    @Test
    void shippedFormsLoad() {
        Map<String, FormDefinition> forms = FormLoader.load(CountyRules.dir().resolve("forms"));
        assertEquals(java.util.Set.of("contact-request", "prescription-renewal", "feedback", "fire-safety-advice"), forms.keySet());
        assertEquals("prescription-renewal", forms.get("prescription-renewal").formType());
        for (FormDefinition f : forms.values()) {
            assertTrue(f.fields().stream().anyMatch(x -> x.type() == FieldType.CONSENT), f.id() + " asks for consent");
        }
    }

    @Test
    void errorsNameFileAndLine(@TempDir Path dir) throws IOException {
        assertError(dir, "id: x\nform_type: x\ntitle: {fi: a, sv: b, en: c}\nfields:\n  - name: a\n    type: number\n"
                + "    label: {fi: a, sv: b, en: c}\n", "bad.yaml:6: unknown field type 'number'");
        assertError(dir, "id: x\nform_type: x\ntitle: {fi: a, sv: b}\nfields:\n  - {name: m, type: text, label: {fi: a, sv: b, en: c}}\n", "bad.yaml:3: missing en text");
        assertError(dir, "id: x\nform_type: x\ntitle: {fi: a, sv: b, en: c}\nfields:\n  - name: a\n    type: text\n"
                + "    pattern: \"[0-9\"\n    label: {fi: a, sv: b, en: c}\n", "bad.yaml:7: invalid pattern");
        assertError(dir, "id: x\nform_type: x\ntitle: {fi: a, sv: b, en: c}\nfields:\n  - name: a\n    type: date\n"
                + "    min: tomorrow\n    label: {fi: a, sv: b, en: c}\n", "bad.yaml:7: date bound must be");
        assertError(dir, "id: x\nform_type: x\ntitle: {fi: a, sv: b, en: c}\nfields:\n  - name: a\n    type: text\n"
                + "    choices: []\n    label: {fi: a, sv: b, en: c}\n", "bad.yaml:7: 'choices' applies only to choice fields");
        assertError(dir, "id: x\nform_type: x\ntitle: {fi: a, sv: b, en: c\n", "bad.yaml:3: YAML syntax");
    }

    @Test
    void reloadKeepsPreviousFormsOnError(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.yaml"), "id: a\nform_type: a\ntitle: {fi: a, sv: b, en: c}\nfields:\n"
                + "  - {name: m, type: text, label: {fi: a, sv: b, en: c}}\n");
        FormCatalog catalog = FormCatalog.load(dir);
        assertEquals(1, catalog.all().size());
        Files.writeString(dir.resolve("b.yaml"), "id: a\nform_type: b\ntitle: {fi: a, sv: b, en: c}\nfields: []\n");
        RuleLoadException e = assertThrows(RuleLoadException.class, catalog::reload);
        assertTrue(e.getMessage().startsWith("b.yaml:"), e.getMessage());
        assertTrue(catalog.find("a").isPresent());
    }

    private static void assertError(Path dir, String yaml, String expected) throws IOException {
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, yaml);
        RuleLoadException e = assertThrows(RuleLoadException.class, () -> FormLoader.load(dir));
        assertTrue(e.getMessage().startsWith(expected), "expected '" + expected + "', got '" + e.getMessage() + "'");
        Files.delete(f);
    }
}
