package fi.ikkuna.triage.load;

import fi.ikkuna.triage.Urgency;
import fi.ikkuna.triage.analysis.AnalysisVariant;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** settings.yaml: the analysis variant, FAQ thresholds, defaults, synonyms and the emergency second opinion. */
public record Settings(AnalysisVariant finnish, double answerMinScore, double answerMinRatio, double answerMinCoverage,
                       double suggestMinScore,
                       int maxSuggestions, Map<String, Float> fieldBoosts, Urgency defaultUrgency, String defaultService,
                       Map<String, Map<String, List<String>>> synonyms, SecondOpinion secondOpinion) {

    /**
     * The statistical emergency classifier: a contact whose probability reaches {@code threshold} is an emergency
     * with {@code instruction} (per language) as its guidance. Null in {@link Settings} when not configured.
     */
    public record SecondOpinion(double threshold, Map<String, String> instruction) {
        public String instructionFor(String lang) {
            return instruction.getOrDefault(lang, instruction.get("fi"));
        }
    }

    public static Settings parse(YamlNode root, Vocabulary vocabulary) {
        root.checkKeys("analysis", "faq", "defaults", "synonyms", "second_opinion");
        YamlNode analysis = root.get("analysis").checkKeys("finnish");
        AnalysisVariant variant;
        try {
            variant = AnalysisVariant.valueOf(analysis.str("finnish").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw analysis.get("finnish").error("unknown analysis variant '" + analysis.str("finnish") + "'");
        }
        YamlNode faq = root.get("faq").checkKeys("answer_min_score", "answer_min_ratio", "answer_min_coverage",
                "suggest_min_score", "max_suggestions", "field_boosts");
        Map<String, Float> boosts = new HashMap<>(Map.of("question", 3f, "variants", 2f, "answer", 0.5f));
        faq.opt("field_boosts").ifPresent(b -> b.checkKeys("question", "variants", "answer", "grams", "answer_grams").map()
                .forEach((k, v) -> boosts.put(k, (float) number(v))));
        YamlNode defaults = root.get("defaults").checkKeys("urgency", "service");
        Urgency urgency = vocabulary.checkUrgency(defaults.get("urgency"));
        String service = vocabulary.checkService(defaults.get("service"));
        int max = faq.optInt("max_suggestions").orElse(5);
        if (max < 1 || max > 5) {
            throw faq.get("max_suggestions").error("max_suggestions must be 1..5");
        }
        double coverage = faq.opt("answer_min_coverage").map(Settings::number).orElse(0.0);
        if (coverage < 0 || coverage > 1) {
            throw faq.get("answer_min_coverage").error("answer_min_coverage must be between 0 and 1");
        }
        return new Settings(variant, number(faq.get("answer_min_score")), number(faq.get("answer_min_ratio")), coverage,
                number(faq.get("suggest_min_score")), max, Map.copyOf(boosts), urgency, service,
                synonyms(root.opt("synonyms").orElse(null)), root.opt("second_opinion").map(Settings::secondOpinion).orElse(null));
    }

    private static SecondOpinion secondOpinion(YamlNode node) {
        node.checkKeys("emergency_threshold", "instruction");
        double threshold = number(node.get("emergency_threshold"));
        if (!(threshold > 0 && threshold < 1)) {
            throw node.get("emergency_threshold").error("emergency_threshold must be between 0 and 1");
        }
        Map<String, String> instruction = new HashMap<>();
        node.get("instruction").map().forEach((lang, text) -> instruction.put(Vocabulary.checkLanguage(lang, text), text.text()));
        for (String lang : Vocabulary.LANGUAGES) {
            if (!instruction.containsKey(lang)) {
                throw node.get("instruction").error("second_opinion instruction needs " + lang);
            }
        }
        return new SecondOpinion(threshold, Map.copyOf(instruction));
    }

    private static double number(YamlNode n) {
        try {
            return Double.parseDouble(n.text().trim());
        } catch (NumberFormatException e) {
            throw n.error("expected a number, got '" + n.text() + "'");
        }
    }

    /** Each line "a, b, c" makes every word a synonym of the others. */
    private static Map<String, Map<String, List<String>>> synonyms(YamlNode node) {
        Map<String, Map<String, List<String>>> out = new HashMap<>();
        if (node == null) {
            return Map.of();
        }
        node.map().forEach((lang, groups) -> {
            Vocabulary.checkLanguage(lang, groups);
            Map<String, List<String>> map = new HashMap<>();
            if (groups.value() != null) {
                for (YamlNode g : groups.list()) {
                    List<String> words = List.of(g.text().toLowerCase(Locale.ROOT).split("\\s*,\\s*"));
                    for (String w : words) {
                        if (w.isBlank() || w.contains(" ")) {
                            throw g.error("synonyms are single words separated by commas, got '" + g.text() + "'");
                        }
                        List<String> others = new java.util.ArrayList<>(map.getOrDefault(w, List.of()));
                        words.stream().filter(o -> !o.equals(w) && !others.contains(o)).forEach(others::add);
                        map.put(w, List.copyOf(others));
                    }
                }
            }
            out.put(lang, Map.copyOf(map));
        });
        return Map.copyOf(out);
    }
}
