package fi.ikkuna.triage;

import fi.ikkuna.triage.load.Vocabulary;
import fi.ikkuna.triage.load.YamlNode;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A labelled example contact from cases/*.yaml with what the pipeline must decide.
 *
 * @param expectUrgency expected urgency, or null when the case does not say
 * @param expectService expected service, or null
 * @param expectFaq     FAQ id that must rank first, or null
 * @param source        "cases/foo.yaml:12"
 */
public record CaseDefinition(String id, Contact contact, Urgency expectUrgency, String expectService, String expectFaq,
                             String source) {

    /** Contacts without "at" are pinned to a weekday morning so case results never depend on the clock. */
    public static final ZonedDateTime DEFAULT_AT = ZonedDateTime.parse("2026-11-23T09:15:00+02:00[Europe/Helsinki]");

    static List<CaseDefinition> parse(YamlNode root, Vocabulary vocabulary, ZoneId zone, String source,
                                      Map<String, YamlNode> seen) {
        root.checkKeys("cases");
        List<CaseDefinition> out = new ArrayList<>();
        for (YamlNode c : root.get("cases").list()) {
            c.checkKeys("id", "text", "language", "channel", "age", "at", "form_type", "expect", "note");
            String id = c.str("id");
            YamlNode earlier = seen.putIfAbsent(id, c);
            if (earlier != null) {
                throw c.get("id").error("duplicate case id '" + id + "' (first at " + earlier.file().getFileName() + ":" + earlier.line() + ")");
            }
            Channel channel = c.opt("channel").map(Vocabulary::checkChannel).orElse(Channel.CHAT);
            ZonedDateTime at = c.opt("at").map(a -> {
                try {
                    return ZonedDateTime.parse(a.text()).withZoneSameInstant(zone);
                } catch (DateTimeParseException e) {
                    throw a.error("at must be an ISO date-time with offset, got '" + a.text() + "'");
                }
            }).orElse(DEFAULT_AT.withZoneSameInstant(zone));
            Contact contact = new Contact(c.str("text"), Vocabulary.checkLanguage(c.str("language"), c.get("language")),
                    channel, c.optInt("age").orElse(null), c.optStr("form_type").orElse(null), at);
            YamlNode expect = c.get("expect").checkKeys("urgency", "service", "faq", "queue");
            out.add(new CaseDefinition(id, contact, expect.opt("urgency").map(vocabulary::checkUrgency).orElse(null),
                    expect.opt("service").map(vocabulary::checkService).orElse(null), expect.optStr("faq").orElse(null),
                    source + ":" + c.line()));
        }
        return out;
    }
}
