package fi.ikkuna.conversation;

import java.util.Locale;

/** Who wrote a message. {@code BOT} is the pipeline (FAQ answers, safety guidance, system notices). */
public enum AuthorKind {
    RESIDENT, PROFESSIONAL, BOT;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
