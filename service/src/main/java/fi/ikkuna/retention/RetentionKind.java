package fi.ikkuna.retention;

import java.util.Locale;

/**
 * The retention class of an ended conversation, by what happened in it; the first that applies wins, so a form that
 * turned out to be an emergency is kept as long as an emergency.
 */
public enum RetentionKind {
    /** Triaged as an emergency at any point (also when a professional later corrected the urgency). */
    EMERGENCY,
    /** Came in as an appointment request. */
    APPOINTMENT,
    /** Came in as a form submission. */
    FORM,
    /** A professional took it, or the resident identified. */
    HANDLED,
    /** Waited for a person but nobody took it, and the resident stayed anonymous (left the queue). */
    ANONYMOUS,
    /** Never waited for a person: only the FAQ or the bot answered. */
    FAQ;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What the job knows of a conversation to classify it; the flags come from its events. */
    record Facts(String channel, boolean emergency, boolean claimed, boolean queued, boolean identified) {
    }

    static RetentionKind of(Facts f) {
        if (f.emergency()) {
            return EMERGENCY;
        }
        if ("APPOINTMENT".equals(f.channel())) {
            return APPOINTMENT;
        }
        if ("FORM".equals(f.channel())) {
            return FORM;
        }
        if (f.claimed() || f.identified()) {
            return HANDLED;
        }
        return f.queued() ? ANONYMOUS : FAQ;
    }
}
