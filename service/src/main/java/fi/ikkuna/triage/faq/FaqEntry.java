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
        root.checkKeys("entries", "extra_variants");
        List<FaqEntry> out = new ArrayList<>();
        if (root.opt("entries").isEmpty()) {
            return out;
        }
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

    /**
     * Variants kept apart from their entries (faq/accepted-variants.yaml: residents' questions a professional answered
     * with an entry, accepted by a rules editor), so accepting one never rewrites a hand-edited file.
     */
    public static void parseExtraVariants(YamlNode root, Map<String, List<YamlNode>> into) {
        for (YamlNode v : root.opt("extra_variants").map(YamlNode::list).orElse(List.of())) {
            v.checkKeys("entry", "text", "source");
            v.str("text");
            into.computeIfAbsent(v.str("entry"), k -> new ArrayList<>()).add(v);
        }
    }

    /** The entries with their extra variants added; a variant of an entry that does not exist fails the load. */
    public static List<FaqEntry> withExtraVariants(List<FaqEntry> entries, Map<String, List<YamlNode>> extras) {
        Map<String, List<YamlNode>> left = new java.util.LinkedHashMap<>(extras);
        List<FaqEntry> out = new ArrayList<>();
        for (FaqEntry e : entries) {
            List<YamlNode> more = left.remove(e.id());
            if (more == null) {
                out.add(e);
                continue;
            }
            List<String> variants = new ArrayList<>(e.variants());
            more.forEach(v -> variants.add(v.str("text").trim()));
            out.add(new FaqEntry(e.id(), e.lang(), e.service(), e.question(), List.copyOf(variants), e.answer()));
        }
        if (!left.isEmpty()) {
            YamlNode first = left.values().iterator().next().get(0);
            throw first.get("entry").error("extra variant of an unknown FAQ entry '" + first.str("entry") + "'");
        }
        return out;
    }
}
