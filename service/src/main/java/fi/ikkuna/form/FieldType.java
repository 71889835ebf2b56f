package fi.ikkuna.form;

import java.util.Locale;

/** The field types a form definition may use; each has one server-side check in {@link FieldChecks}. */
public enum FieldType {
    TEXT, CHOICE, DATE, PHONE, EMAIL, CONSENT;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
