package fi.ikkuna.triage.faq;

import fi.ikkuna.triage.load.Vocabulary;
import fi.ikkuna.triage.load.YamlNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** One FAQ entry from faq/*.yaml. */
public record FaqEntry(String id, String lang, String service, String question, List<String> variants, String answer) {
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    public static List<FaqEntry> parse(YamlNode root, Vocabulary vocabulary, Map<String, YamlNode> seen) {
        root.checkKeys("entries");
        List<FaqEntry> out = new ArrayList<>();
        for (YamlNode e : root.get("entries").list()) {
            e.checkKeys("id", "lang", "service", "question", "variants", "answer");
            String id = e.str("id");
            if (!ID.matcher(id).matches()) {
                throw e.get("id").error("FAQ id must be lowercase a-z, 0-9 and dashes, got '" + id + "'");
            }
            YamlNode earlier = seen.putIfAbsent(id, e);
            if (earlier != null) {
                throw e.get("id").error("duplicate FAQ id '" + id + "' (first at " + earlier.file().getFileName()
                        + ":" + earlier.line() + ")");
            }
            String lang = Vocabulary.checkLanguage(e.str("lang"), e.get("lang"));
            out.add(new FaqEntry(id, lang, vocabulary.checkService(e.get("service")), e.str("question").trim(),
                    e.strings("variants"), e.str("answer").trim()));
        }
        return out;
    }
}
