package fi.ikkuna.form;

import java.util.List;

/**
 * A form from {@code triage-rules/forms/*.yaml}.
 *
 * @param id       form id in URLs
 * @param formType the form type routing rules see as {@code form_type}
 * @param title    title in fi/sv/en
 * @param intro    introduction in fi/sv/en, or null
 * @param fields   fields in display order
 */
public record FormDefinition(String id, String formType, Texts title, Texts intro, List<FieldDefinition> fields) {

    public FieldDefinition field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
    }
}
