package fi.ikkuna.triage.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.ngram.NGramTokenFilter;
import org.apache.lucene.analysis.fi.FinnishAnalyzer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;
import org.tartarus.snowball.ext.FinnishStemmer;
import org.tartarus.snowball.ext.SwedishStemmer;

import java.util.List;
import java.util.Map;

/**
 * The analysis chains, one short method each. Every language has an index chain (applied to contact texts and
 * FAQ entries) and a query chain (applied to rule queries): only Finnish differs, because rule words must not
 * expand into compound parts ("hammaslääkäri" must not become "lääkäri OR hammas").
 */
public final class Analyzers {
    /**
     * Stock stop words minus negation, past-tense and question words: rules need "ei herää" and "oli" (was) to
     * tell a current red flag from a denied or past one.
     */
    static final CharArraySet FI_STOP = without(FinnishAnalyzer.getDefaultStopSet(), "en", "et", "ei", "emme", "ette",
            "eivät", "oli", "olin", "olit", "olimme", "olitte", "olivat", "ollut", "olleet", "nyt", "yli", "itse",
            "kanssa", "mikä", "kuka", "mitä", "mistä", "mihin", "missä", "minkä", "miksi", "millä");
    static final CharArraySet SV_STOP = without(SwedishAnalyzer.getDefaultStopSet(), "inte", "ingen", "ej", "icke",
            "hade", "varit", "sedan", "hur", "vad", "själv", "över");
    static final CharArraySet EN_STOP = without(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, "no", "not", "was");

    private Analyzers() {
    }

    private static CharArraySet without(CharArraySet stock, String... keep) {
        CharArraySet out = new CharArraySet(stock.size(), false);
        java.util.Set<String> kept = java.util.Set.of(keep);
        for (Object o : stock) {
            String word = new String((char[]) o);
            if (!kept.contains(word)) {
                out.add(word);
            }
        }
        return CharArraySet.unmodifiableSet(out);
    }

    /** StandardTokenizer → LowerCaseFilter → StopFilter(Finnish minus negations) → SnowballFilter(Finnish) → SynonymExpandFilter. */
    public static Analyzer finnishSnowball(Map<String, List<String>> synonyms) {
        CharArraySet stop = FI_STOP;
        return chain(t -> synonyms(new SnowballFilter(new StopFilter(new LowerCaseFilter(t), stop), new FinnishStemmer()),
                synonyms));
    }

    /**
     * StandardTokenizer → LowerCaseFilter → StopFilter(Finnish minus negations) → MorphologyFilter(Voikko base forms, and compound
     * parts when {@code withParts}) → SynonymExpandFilter.
     */
    public static Analyzer finnishVoikko(VoikkoMorphology voikko, boolean withParts, Map<String, List<String>> synonyms) {
        CharArraySet stop = FI_STOP;
        return chain(t -> synonyms(new MorphologyFilter(new StopFilter(new LowerCaseFilter(t), stop), voikko, withParts),
                synonyms));
    }

    /**
     * StandardTokenizer → LowerCaseFilter → StopFilter(Finnish minus negations) → SynonymExpandFilter: the rule-query
     * side of the Voikko chain. Rule authors write base forms, which match every inflection in the indexed text;
     * an inflected rule word ("haluaisin") deliberately matches only itself.
     */
    public static Analyzer finnishRuleQuery(Map<String, List<String>> synonyms) {
        return chain(t -> synonyms(new StopFilter(new LowerCaseFilter(t), FI_STOP), synonyms));
    }

    /** StandardTokenizer → LowerCaseFilter → StopFilter(Swedish minus negations) → SynonymExpandFilter → SnowballFilter(Swedish). */
    public static Analyzer swedish(Map<String, List<String>> synonyms) {
        CharArraySet stop = SV_STOP;
        return chain(t -> new SnowballFilter(synonyms(new StopFilter(new LowerCaseFilter(t), stop), synonyms),
                new SwedishStemmer()));
    }

    /**
     * StandardTokenizer → EnglishPossessiveFilter → LowerCaseFilter → StopFilter(English minus negations) → SynonymExpandFilter →
     * PorterStemFilter: EnglishAnalyzer's chain with synonyms before stemming.
     */
    public static Analyzer english(Map<String, List<String>> synonyms) {
        CharArraySet stop = EN_STOP;
        return chain(t -> new PorterStemFilter(synonyms(new StopFilter(new LowerCaseFilter(new EnglishPossessiveFilter(t)),
                stop), synonyms)));
    }

    /**
     * StandardTokenizer → LowerCaseFilter → ASCIIFoldingFilter → NGramTokenFilter(4, 4, short words kept whole):
     * the FAQ's character n-gram field, on questions and answers. Within each word, so it forgives typos, missing
     * umlauts, colloquial and derived forms and compounds ("kouluterkkari" shares "koul", "oulu", "ulut", "lute",
     * "uter" with "kouluterveydenhoitaja"); 4-grams beat 3- and 5-grams on the blind tuning half (docs/triage.md).
     */
    public static Analyzer characterNgrams() {
        return chain(t -> new NGramTokenFilter(new ASCIIFoldingFilter(new LowerCaseFilter(t)), 4, 4, true));
    }

    private static TokenStream synonyms(TokenStream in, Map<String, List<String>> synonyms) {
        return synonyms.isEmpty() ? in : new SynonymExpandFilter(in, synonyms);
    }

    private interface Chain {
        TokenStream filters(StandardTokenizer source);
    }

    private static Analyzer chain(Chain chain) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                StandardTokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, chain.filters(source));
            }

            @Override
            protected TokenStream normalize(String field, TokenStream in) {
                return new LowerCaseFilter(in);
            }
        };
    }
}
