package fi.ikkuna.triage.analysis;

import java.util.List;
import java.util.Map;

import com.carrotsearch.randomizedtesting.RandomizedContext;
import com.carrotsearch.randomizedtesting.annotations.ThreadLeakScope;
import fi.ikkuna.support.TestSeed;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.tests.analysis.BaseTokenStreamTestCase;
import org.apache.lucene.tests.analysis.MockTokenizer;

/**
 * The two custom filters (MorphologyFilter, SynonymExpandFilter, both a StackingFilter) under Lucene's own
 * token-stream checks: exact terms, offsets and position increments, then random text through the whole chain
 * the service indexes with (reset/end/close contract, offsets that never go backwards, reuse across inputs).
 * JUnit 4 (lucene-test-framework), run by the vintage engine; its random text follows {@code -Dtests.seed}, which
 * {@link TestSeed} sets from {@code -Dikkuna.test.seed}.
 */
// Voikko is a native library reached through JNA, whose cleaner thread outlives any one test class.
@ThreadLeakScope(ThreadLeakScope.Scope.NONE)
public class StackingFiltersTokenStreamTest extends BaseTokenStreamTestCase {
    private static final Map<String, List<String>> SYNONYMS = Map.of("uusinta", List.of("uusiminen"),
            "lääkäri", List.of("tohtori", "doktor"));

    private static Analyzer synonymsOnly() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new MockTokenizer(MockTokenizer.WHITESPACE, true);
                return new TokenStreamComponents(source, new SynonymExpandFilter(source, SYNONYMS));
            }
        };
    }

    private static Analyzer morphologyOnly(boolean withParts) {
        VoikkoMorphology voikko = VoikkoMorphology.shared().orElseThrow(() -> new AssertionError(
                "libvoikko could not be loaded: apt-get install -y libvoikko1 voikko-fi"));
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new MockTokenizer(MockTokenizer.WHITESPACE, true);
                return new TokenStreamComponents(source, new MorphologyFilter(source, voikko, withParts));
            }
        };
    }

    public void testSynonymsStackAtTheWordsPositionWithItsOffsets() throws Exception {
        try (Analyzer a = synonymsOnly()) {
            assertAnalyzesTo(a, "reseptin uusinta lääkäri nyt",
                    new String[] {"reseptin", "uusinta", "uusiminen", "lääkäri", "tohtori", "doktor", "nyt"},
                    new int[] {0, 9, 9, 17, 17, 17, 25},
                    new int[] {8, 16, 16, 24, 24, 24, 28},
                    new int[] {1, 1, 0, 1, 0, 0, 1});
        }
    }

    public void testAWordWithoutSynonymsPassesThroughUnchanged() throws Exception {
        try (Analyzer a = synonymsOnly()) {
            assertAnalyzesTo(a, "kuumetta", new String[] {"kuumetta"}, new int[] {0}, new int[] {8}, new int[] {1});
            assertAnalyzesTo(a, "", new String[0]);
        }
    }

    public void testMorphologyStacksBaseFormAndCompoundParts() throws Exception {
        try (Analyzer a = morphologyOnly(true)) {
            assertAnalyzesTo(a, "hammaslääkäriajan huomenna",
                    new String[] {"hammaslääkäriajan", "hammaslääkäriaika", "hammas", "lääkäri", "aika", "hammaslääkäri",
                        "lääkäriaika", "huomenna"},
                    new int[] {0, 0, 0, 0, 0, 0, 0, 18},
                    new int[] {17, 17, 17, 17, 17, 17, 17, 26},
                    new int[] {1, 0, 0, 0, 0, 0, 0, 1});
        }
        try (Analyzer a = morphologyOnly(false)) {
            assertAnalyzesTo(a, "hammaslääkäriajan", new String[] {"hammaslääkäriajan", "hammaslääkäriaika"},
                    new int[] {1, 0});
        }
    }

    public void testRandomTextThroughEachFilter() throws Exception {
        try (Analyzer a = synonymsOnly()) {
            checkRandomData(random(), a, 200 * RANDOM_MULTIPLIER);
        }
        try (Analyzer a = morphologyOnly(true)) {
            checkRandomData(random(), a, 100 * RANDOM_MULTIPLIER);
        }
    }

    /** -Dikkuna.test.seed repeats this class's random text too (TestSeed hands it over as tests.seed). */
    public void testTheProjectSeedDrivesTheRandomText() {
        String seed = System.getProperty(TestSeed.PROPERTY);
        if (seed != null && System.getProperty("tests.seed") != null) {
            assertEquals(TestSeed.randomizedTestingSeed(Long.parseLong(seed)),
                    RandomizedContext.current().getRunnerSeedAsString().replaceAll("[\\[\\]]", ""));
        }
        System.out.println("StackingFiltersTokenStreamTest seed " + RandomizedContext.current().getRunnerSeedAsString());
    }

    /** The chains the rule matcher indexes with, end to end: the filters behave inside the real tokenizer chain too. */
    public void testRandomTextThroughTheServicesChains() throws Exception {
        VoikkoMorphology voikko = VoikkoMorphology.shared().orElseThrow();
        for (Analyzer a : List.of(Analyzers.finnishVoikko(voikko, true, SYNONYMS), Analyzers.finnishSnowball(SYNONYMS),
                Analyzers.swedish(SYNONYMS), Analyzers.english(SYNONYMS))) {
            try (a) {
                checkRandomData(random(), a, 100 * RANDOM_MULTIPLIER);
            }
        }
    }
}
