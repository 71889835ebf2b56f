package fi.ikkuna.triage.faq;

import fi.ikkuna.triage.RuleTriagePipeline;
import fi.ikkuna.triage.TestRules;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The precomputed scores added up by {@link FaqPart} must equal what Lucene computes for the same query: a
 * BooleanQuery with one DisjunctionMaxQuery clause per word (its forms) and one TermQuery per character n-gram, run on
 * the same index with the same statistics.
 */
class FaqScoringTest {
    private final RuleTriagePipeline pipeline = TestRules.pipeline();

    @Test
    void partScoresEqualLuceneQueryScores() throws IOException {
        long seed = new Random().nextLong();
        System.out.println("FaqScoringTest seed " + seed);
        Random rnd = new Random(seed);
        int compared = 0;
        for (String lang : List.of("fi", "sv", "en")) {
            Analyzer analyzer = pipeline.ruleSet().analysis().index().get(lang);
            List<String> texts = TestRules.caseTexts(lang);
            List<String> words = texts.stream().flatMap(t -> List.of(t.split("\\s+")).stream()).toList();
            for (int i = 0; i < 30; i++) { // word salads repeat words and mix forms of one word
                StringBuilder sb = new StringBuilder();
                for (int w = 0; w < 1 + rnd.nextInt(15); w++) {
                    sb.append(words.get(rnd.nextInt(words.size()))).append(' ');
                }
                texts.add(sb.toString());
            }
            for (String text : texts) {
                List<List<String>> analysed = FaqIndex.analyze(analyzer, text);
                List<String> grams = FaqIndex.analyze(FaqIndex.NGRAMS, text).stream().map(List::getFirst).toList();
                for (FaqPart part : pipeline.ruleSet().faq().language(lang).parts()) {
                    for (String field : List.of("phrasing", "answer")) {
                        float boost = 0.5f + rnd.nextInt(4) / 4f;
                        float[] ours = new float[part.docs()];
                        part.addWords(field, analysed, boost, ours);
                        part.addTerms(FaqIndex.GRAMS, grams, 0.1f, ours);
                        float[] lucene = lucene(part, query(field, analysed, boost, grams));
                        for (int d = 0; d < ours.length; d++) {
                            assertEquals(lucene[d], ours[d], 1e-4f * Math.max(1f, lucene[d]),
                                    "seed " + seed + ", " + lang + " " + field + " doc " + d + " text \"" + text + "\"");
                        }
                        compared += ours.length;
                    }
                }
            }
        }
        assertTrue(compared > 100_000, "compared only " + compared + " document scores");
    }

    private static Query query(String field, List<List<String>> words, float boost, List<String> grams) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (List<String> forms : words) {
            List<Query> alternatives = forms.stream().<Query>map(f -> new TermQuery(new Term(field, f))).toList();
            Query word = alternatives.size() == 1 ? alternatives.getFirst() : new DisjunctionMaxQuery(alternatives, FaqPart.TIE_BREAKER);
            b.add(new BoostQuery(word, boost), BooleanClause.Occur.SHOULD);
        }
        grams.forEach(g -> b.add(new BoostQuery(new TermQuery(new Term(FaqIndex.GRAMS, g)), 0.1f), BooleanClause.Occur.SHOULD));
        return b.build();
    }

    private static float[] lucene(FaqPart part, Query query) throws IOException {
        float[] scores = new float[part.docs()];
        part.searcher().search(query, new CollectorManager<Collector, Void>() {
            @Override
            public Collector newCollector() {
                return new SimpleCollector() {
                    private Scorable scorer;
                    private int base;

                    @Override
                    public void setScorer(Scorable scorer) {
                        this.scorer = scorer;
                    }

                    @Override
                    protected void doSetNextReader(LeafReaderContext context) {
                        base = context.docBase;
                    }

                    @Override
                    public void collect(int doc) throws IOException {
                        scores[base + doc] = scorer.score();
                    }

                    @Override
                    public ScoreMode scoreMode() {
                        return ScoreMode.COMPLETE;
                    }
                };
            }

            @Override
            public Void reduce(Collection<Collector> collectors) {
                return null;
            }
        });
        return scores;
    }
}
