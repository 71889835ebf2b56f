package fi.ikkuna.triage;

import java.util.Locale;

/** Triage urgency, most urgent first: the declaration order is the queue order. */
public enum Urgency {
    EMERGENCY, URGENT, NON_URGENT, SELF_CARE;

    /** The value used on the wire and in rule files: {@code non_urgent}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Urgency fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
