package fi.ikkuna.triage.faq;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.TextField;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.similarities.BM25Similarity;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The FAQ entries of one language as three in-memory Lucene indexes (questions, variants, answers), scored per
 * entry. Each phrasing is its own document, so an entry scores as its best phrasing and a long list of variants
 * does not dilute a short one that fits (BM25 length norm); each answer is indexed once. Every document of an
 * index has every field, so norms are dense: sparse norms (answers copied onto phrasings, questions and variants
 * as fields of one index) made each term scorer scan its field's document list, most of a search's cost. An
 * entry's score is its best phrasing's score, weighted by the phrasing's kind, plus its answer's score: words
 * and character n-grams on both, because a county's FAQ comes without variants and the answer holds most of an
 * entry's vocabulary.
 */
final class LanguageFaqIndex {
    static final BM25Similarity SIMILARITY = new BM25Similarity(); // k1/b variations measured, no gain
    private static final String PHRASING = "phrasing";
    private static final String ANSWER = "answer";

    private final List<FaqEntry> entries;
    /** One index each, so each keeps its own BM25 statistics (merging questions and variants cost 1.7 points top-1). */
    private final FaqPart questions;
    private final FaqPart variants;
    private final FaqPart answers;
    private final Map<String, Float> boosts;
    /** Every analysed form in each entry's question, variants and answer, by entry ordinal: for coverage. */
    private final List<Set<String>> forms = new ArrayList<>();

    /**
     * @param phrasingGrams n-gram statistics shared by every language's questions and variants
     * @param answerGrams   n-gram statistics shared by every language's answers
     */
    LanguageFaqIndex(List<FaqEntry> entries, Analyzer words, Analyzer grams, Map<String, Float> boosts,
                     SharedStatistics phrasingGrams, SharedStatistics answerGrams) {
        this.entries = List.copyOf(entries);
        this.boosts = boosts;
        Analyzer perField = new PerFieldAnalyzerWrapper(words, Map.of(FaqIndex.GRAMS, grams));
        List<Document> questionDocs = new ArrayList<>();
        List<Document> variantDocs = new ArrayList<>();
        List<Document> answerDocs = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            FaqEntry e = entries.get(i);
            questionDocs.add(withGrams(i, PHRASING, e.question()));
            Set<String> all = new HashSet<>();
            FaqIndex.analyze(words, e.question()).forEach(all::addAll);
            for (String v : e.variants()) {
                variantDocs.add(withGrams(i, PHRASING, v));
                FaqIndex.analyze(words, v).forEach(all::addAll);
            }
            answerDocs.add(withGrams(i, ANSWER, e.answer()));
            FaqIndex.analyze(words, e.answer()).forEach(all::addAll);
            forms.add(Set.copyOf(all));
        }
        questions = new FaqPart(perField, questionDocs, phrasingGrams);
        variants = new FaqPart(perField, variantDocs, phrasingGrams);
        answers = new FaqPart(perField, answerDocs, answerGrams);
        phrasingGrams.add(questions.searcher().getIndexReader());
        phrasingGrams.add(variants.searcher().getIndexReader());
        answerGrams.add(answers.searcher().getIndexReader());
    }

    private static Document withGrams(int entry, String field, String text) {
        Document d = new Document();
        d.add(new TextField(field, text, TextField.Store.NO));
        d.add(new TextField(FaqIndex.GRAMS, text, TextField.Store.NO));
        return FaqPart.tag(d, entry);
    }

    /** Computes every (term, document) score; called once the shared n-gram statistics are complete. */
    void computeScores() {
        questions.computeScores();
        variants.computeScores();
        answers.computeScores();
    }

    /**
     * Every entry's score (0 = no match), indexed by entry ordinal: each written word (its forms as
     * alternatives) is an optional clause on phrasings and answers, each n-gram one on phrasings and answers.
     */
    float[] scores(List<List<String>> words, List<String> grams) {
        float[] best = new float[entries.size()];
        bestPhrasing(questions, words, grams, boosts.getOrDefault("question", 1f), best);
        bestPhrasing(variants, words, grams, boosts.getOrDefault("variants", 1f), best);
        float answerBoost = boosts.getOrDefault("answer", 1f);
        float answerGrams = boosts.getOrDefault("answer_grams", 0f);
        if (answerBoost > 0f || answerGrams > 0f) {
            float[] answer = new float[answers.docs()];
            answers.addWords(ANSWER, words, answerBoost, answer);
            if (answerGrams > 0f) {
                answers.addTerms(FaqIndex.GRAMS, grams, answerGrams, answer);
            }
            for (int d = 0; d < answer.length; d++) {
                best[answers.entryOf(d)] += answer[d];
            }
        }
        return best;
    }

    private void bestPhrasing(FaqPart part, List<List<String>> words, List<String> grams, float weight, float[] best) {
        float[] docScores = new float[part.docs()];
        part.addWords(PHRASING, words, 1f, docScores);
        float gramBoost = boosts.getOrDefault("grams", 0f);
        if (gramBoost > 0f) {
            part.addTerms(FaqIndex.GRAMS, grams, gramBoost, docScores);
        }
        for (int d = 0; d < docScores.length; d++) {
            int entry = part.entryOf(d);
            best[entry] = Math.max(best[entry], docScores[d] * weight);
        }
    }

    /** The share (0–1) of the written words of which the entry contains at least one form. */
    double coverage(int entry, List<List<String>> words) {
        Set<String> in = forms.get(entry);
        int covered = 0;
        for (List<String> word : words) {
            covered += word.stream().anyMatch(in::contains) ? 1 : 0;
        }
        return words.isEmpty() ? 0 : covered / (double) words.size();
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    FaqEntry entry(int ordinal) {
        return entries.get(ordinal);
    }

    /** The three parts, for tests that score the same query through Lucene. */
    List<FaqPart> parts() {
        return List.of(questions, variants, answers);
    }

    IndexSearcher questionSearcher() {
        return questions.searcher();
    }
}
