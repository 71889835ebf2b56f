package fi.ikkuna.form;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One field of a form definition.
 *
 * @param name      key of the value in a submission
 * @param type      text, choice, date, phone, email or consent
 * @param required  an empty value (or an unticked consent) is an error
 * @param maxLength text limit in characters (text fields; phone and email have fixed limits)
 * @param multiline text rendered as a text area
 * @param pattern   whole-value regular expression for text fields, or null
 * @param choices   allowed values of a choice field, in display order
 * @param min       earliest allowed date (date fields), or null
 * @param max       latest allowed date (date fields), or null
 * @param label     label in fi/sv/en
 * @param help      help text in fi/sv/en, or null
 * @param errors    error texts that override {@link FormMessages}' defaults, by error code
 */
public record FieldDefinition(String name, FieldType type, boolean required, int maxLength, boolean multiline,
                              Pattern pattern, List<Choice> choices, DateBound min, DateBound max, Texts label, Texts help,
                              Map<String, Texts> errors) {

    /** One allowed value of a choice field. */
    public record Choice(String value, Texts label) {
    }

    public Choice choice(String value) {
        return choices.stream().filter(c -> c.value().equals(value)).findFirst().orElse(null);
    }
}
