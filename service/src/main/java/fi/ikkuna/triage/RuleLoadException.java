package fi.ikkuna.triage;

import java.nio.file.Path;

/** A rule set could not be loaded; the message names the file, the line and the reason. */
public final class RuleLoadException extends RuntimeException {
    private final String file;
    private final int line;

    public RuleLoadException(Path file, int line, String reason) {
        this(file, line, reason, null);
    }

    public RuleLoadException(Path file, int line, String reason, Throwable cause) {
        super(file.getFileName() + ":" + line + ": " + reason, cause);
        this.file = file.toString();
        this.line = line;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }
}
