package fi.ikkuna.triage.analysis;

import org.apache.lucene.analysis.Analyzer;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The analysers of one rule set, by language: {@code index} for contact texts and FAQ entries, {@code query}
 * for rule queries, {@code negation} to blank denied findings before rules read a contact.
 */
public record LanguageAnalysis(Map<String, Analyzer> index, Map<String, Analyzer> query, Map<String, Negation> negation,
                               AnalysisVariant finnish, boolean degraded) {
    private static final Logger LOG = Logger.getLogger(LanguageAnalysis.class.getName());

    public static final List<String> LANGUAGES = List.of("fi", "sv", "en");

    /**
     * Builds the chains for the wanted Finnish variant; a Voikko variant degrades to its Snowball counterpart
     * when the native library is missing, so the service still starts.
     */
    public static LanguageAnalysis create(AnalysisVariant wanted, Map<String, Map<String, List<String>>> synonyms) {
        Map<String, List<String>> fiSyn = synonyms.getOrDefault("fi", Map.of());
        Map<String, List<String>> svSyn = synonyms.getOrDefault("sv", Map.of());
        Map<String, List<String>> enSyn = synonyms.getOrDefault("en", Map.of());
        AnalysisVariant variant = wanted;
        Optional<VoikkoMorphology> voikko = Optional.empty();
        if (wanted == AnalysisVariant.VOIKKO || wanted == AnalysisVariant.VOIKKO_SYNONYMS) {
            // the property lets operators (and a test) run without the native library on purpose
            voikko = Boolean.getBoolean("ikkuna.voikko.disabled") ? Optional.empty() : VoikkoMorphology.shared();
            if (voikko.isEmpty()) {
                variant = wanted == AnalysisVariant.VOIKKO ? AnalysisVariant.STOCK : AnalysisVariant.STOCK_SYNONYMS;
                LOG.warning("Finnish analysis variant " + wanted + " unavailable, using " + variant);
            }
        }
        boolean useSyn = variant == AnalysisVariant.STOCK_SYNONYMS || variant == AnalysisVariant.VOIKKO_SYNONYMS;
        Map<String, List<String>> fi = useSyn ? fiSyn : Map.of();
        Analyzer fiIndex;
        Analyzer fiQuery;
        if (voikko.isPresent()) {
            fiIndex = Analyzers.finnishVoikko(voikko.get(), true, fi);
            fiQuery = Analyzers.finnishRuleQuery(fi);
        } else {
            fiIndex = Analyzers.finnishSnowball(fi);
            fiQuery = fiIndex;
        }
        Analyzer sv = Analyzers.swedish(useSyn ? svSyn : Map.of());
        Analyzer en = Analyzers.english(useSyn ? enSyn : Map.of());
        Negation fiNegation = Negation.finnish(voikko.<java.util.function.Predicate<String>>map(v -> w -> v.analyze(w).verb())
                .orElse(null));
        return new LanguageAnalysis(Map.of("fi", fiIndex, "sv", sv, "en", en), Map.of("fi", fiQuery, "sv", sv, "en", en),
                Map.of("fi", fiNegation, "sv", Negation.swedish(), "en", Negation.english()), variant, variant != wanted);
    }
}
