package fi.ikkuna.datarights;

import java.time.Duration;
import java.util.List;

import io.helidon.config.Config;

/**
 * {@code ikkuna.data-rights}: how far back "who has read my data" reaches, whether it names the professionals, which
 * level of identification opens a person's data and for how long after the identification it stays open.
 */
record DataRightsSettings(int accessLogYears, boolean showProfessionalNames, String minimumLevel, Duration identifiedFor) {
    /** The identification package's levels, lowest first (identification.IdentificationSettings.LEVELS). */
    static final List<String> LEVELS = List.of("substantial", "high");

    static DataRightsSettings from(Config c) {
        DataRightsSettings s = new DataRightsSettings(c.get("access-log-years").asInt().orElse(2),
                c.get("show-professional-names").asBoolean().orElse(false),
                c.get("minimum-level").asString().orElse("substantial"),
                Duration.ofMinutes(c.get("identified-minutes").asInt().orElse(120)));
        if (s.accessLogYears() < 1) {
            throw new IllegalStateException("ikkuna.data-rights.access-log-years must be at least 1");
        }
        if (!LEVELS.contains(s.minimumLevel())) {
            throw new IllegalStateException("ikkuna.data-rights.minimum-level must be one of " + LEVELS);
        }
        return s;
    }

    boolean enough(String level) {
        return LEVELS.indexOf(level) >= LEVELS.indexOf(minimumLevel);
    }
}
