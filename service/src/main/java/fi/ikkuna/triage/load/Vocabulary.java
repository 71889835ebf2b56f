package fi.ikkuna.triage.load;

import fi.ikkuna.triage.Channel;
import fi.ikkuna.triage.Urgency;

import java.util.Set;

/** The fixed vocabularies of the content contract; the only place rule values are checked against them. */
public final class Vocabulary {
    public static final Set<String> SERVICES = Set.of("health", "dental", "mental_health", "substance_use",
            "child_family", "social", "elderly", "disability", "rescue", "general");
    public static final Set<String> LANGUAGES = Set.of("fi", "sv", "en");

    private final Set<String> queueIds;

    public Vocabulary(Set<String> queueIds) {
        this.queueIds = Set.copyOf(queueIds);
    }

    public String checkService(YamlNode n) {
        String s = n.text().trim();
        if (!SERVICES.contains(s)) {
            throw n.error("unknown service '" + s + "' (allowed: " + String.join(", ", SERVICES.stream().sorted().toList()) + ")");
        }
        return s;
    }

    public String checkQueue(YamlNode n) {
        String q = n.text().trim();
        if (!queueIds.contains(q)) {
            throw n.error("unknown queue '" + q + "' (not defined in queues.yaml)");
        }
        return q;
    }

    public Urgency checkUrgency(YamlNode n) {
        try {
            return Urgency.fromWire(n.text().trim());
        } catch (IllegalArgumentException e) {
            throw n.error("unknown urgency '" + n.text() + "' (allowed: emergency, urgent, non_urgent, self_care)");
        }
    }

    public static Channel checkChannel(YamlNode n) {
        try {
            return Channel.fromWire(n.text().trim());
        } catch (IllegalArgumentException e) {
            throw n.error("unknown channel '" + n.text() + "' (allowed: chat, appointment, form)");
        }
    }

    public static String checkLanguage(String lang, YamlNode at) {
        if (!LANGUAGES.contains(lang)) {
            throw at.error("unknown language '" + lang + "' (allowed: fi, sv, en)");
        }
        return lang;
    }
}
