package fi.ikkuna.appointment;

import java.util.Locale;

/** How a remote appointment happens; only a phone call needs contact details (the number). */
public enum AppointmentType {
    PHONE, VIDEO, CHAT;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AppointmentType fromWire(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }
}
