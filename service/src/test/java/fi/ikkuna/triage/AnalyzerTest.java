package fi.ikkuna.triage;

import fi.ikkuna.triage.analysis.Analyzers;
import fi.ikkuna.triage.analysis.VoikkoMorphology;
import fi.ikkuna.triage.rules.RuleMatcher;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.fi.FinnishAnalyzer;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnalyzerTest {

    /** CI installs libvoikko1 and voikko-fi; a missing library must fail here, not be skipped. */
    static VoikkoMorphology voikko() {
        return VoikkoMorphology.shared().orElseThrow(() -> new AssertionError(
                "libvoikko could not be loaded: apt-get install -y libvoikko1 voikko-fi, and run the JVM with "
                        + "--enable-native-access=ALL-UNNAMED"));
    }

    static boolean ruleMatches(String rule, String text) throws Exception {
        Analyzer index = Analyzers.finnishVoikko(voikko(), true, Map.of());
        Analyzer query = Analyzers.finnishRuleQuery(Map.of());
        MemoryIndex mi = new MemoryIndex();
        mi.addField("text", text, index);
        return mi.search(new QueryParser("text", query).parse(rule)) > 0f;
    }

    @Test
    void compoundAndGradation() throws Exception {
        assertTrue(ruleMatches("hammaslääkäriaika", "hammaslääkäriajan"));
        assertTrue(ruleMatches("hammaslääkäri", "Varaan hammaslääkäriajan"));
        assertTrue(ruleMatches("aika", "hammaslääkäriajan"));
        assertTrue(ruleMatches("pelastuslaitos", "soitin pelastuslaitokselle"));
        assertTrue(ruleMatches("resepti AND uusinta", "reseptinuusinta"));
        assertTrue(ruleMatches("resepti AND uusia", "reseptin uusiminen"));
        assertTrue(ruleMatches("resepti AND uusia", "reseptinuusinta"), "both forms share resepti + uusia");
        assertFalse(ruleMatches("lääkäri", "lääke loppui"), "no false stem overlap");
    }

    @Test
    void stockFinnishAnalyzerMissesCompoundsWhichIsWhyVoikkoIsUsed() throws Exception {
        MemoryIndex mi = new MemoryIndex();
        mi.addField("text", "hammaslääkäriajan", new FinnishAnalyzer());
        assertEquals(0f, mi.search(new QueryParser("text", new FinnishAnalyzer()).parse("hammaslääkäri")));
    }

    @Test
    void inflectedRuleWordMatchesOnlyItself() throws Exception {
        assertTrue(ruleMatches("haluaisin", "haluaisin ajan"));
        assertFalse(ruleMatches("haluaisin", "haluatko ajan"));
    }

    @Test
    void negationWordsAreKept() {
        Analyzer a = Analyzers.finnishVoikko(voikko(), true, Map.of());
        List<String> terms = RuleMatcher.terms(a, "eikä herää");
        assertTrue(terms.contains("ei") && terms.contains("herätä"), terms.toString());
    }

    /**
     * Random texts built from known inflected forms: every form's base form must come out, whatever the context,
     * casing and punctuation, and analysing concurrently must give the same terms (the Voikko pool is shared).
     */
    @Test
    void randomizedTextsKeepBaseForms() throws Exception {
        long seed = Long.getLong("ikkuna.test.seed", System.nanoTime());
        System.out.println("AnalyzerTest.randomizedTextsKeepBaseForms seed=" + seed);
        Random rnd = new Random(seed);
        String[][] forms = {{"rinnassa", "rinta"}, {"hengitä", "hengittää"}, {"kuumetta", "kuume"},
                {"hammaslääkärille", "hammaslääkäri"}, {"palovaroittimen", "palovaroitin"}, {"lapsella", "lapsi"},
                {"reseptin", "resepti"}, {"savua", "savu"}, {"vuotaa", "vuotaa"}, {"kotihoidon", "kotihoito"}};
        String[] filler = {"ja", "nyt", "tosi", "kovasti", "eilen", "!", "?", ",", "123", "äiti", "x"};
        Analyzer a = Analyzers.finnishVoikko(voikko(), true, Map.of());
        List<String> texts = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String[] f = forms[rnd.nextInt(forms.length)];
            StringBuilder sb = new StringBuilder();
            for (int j = rnd.nextInt(4); j > 0; j--) {
                sb.append(filler[rnd.nextInt(filler.length)]).append(' ');
            }
            sb.append(rnd.nextBoolean() ? f[0].toUpperCase() : f[0]);
            for (int j = rnd.nextInt(4); j > 0; j--) {
                sb.append(' ').append(filler[rnd.nextInt(filler.length)]);
            }
            texts.add(sb.toString());
            expected.add(f[1]);
        }
        List<List<String>> single = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            List<String> terms = RuleMatcher.terms(a, texts.get(i));
            assertTrue(terms.contains(expected.get(i)), "seed " + seed + ": '" + texts.get(i) + "' -> " + terms);
            terms.forEach(t -> assertEquals(t.toLowerCase(), t, "seed " + seed));
            single.add(terms);
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<String>>> parallel = new ArrayList<>();
            for (String t : texts) {
                parallel.add(pool.submit(() -> RuleMatcher.terms(Analyzers.finnishVoikko(voikko(), true, Map.of()), t)));
            }
            for (int i = 0; i < texts.size(); i++) {
                assertEquals(single.get(i), parallel.get(i).get(), "seed " + seed + ": " + texts.get(i));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
