package fi.ikkuna.triage;

import java.util.Locale;

/** How a contact arrived. The pipeline treats every channel alike; rules may still look at it. */
public enum Channel {
    CHAT, APPOINTMENT, FORM;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Channel fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
