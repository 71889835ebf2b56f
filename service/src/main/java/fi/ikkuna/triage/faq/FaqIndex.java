package fi.ikkuna.triage.faq;

import fi.ikkuna.triage.TriageOutcome.FaqHit;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.search.IndexSearcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The FAQ as in-memory Lucene indexes per language ({@link LanguageFaqIndex}), so a query never pays for
 * another language's postings. The contact text is analysed with the same index chain; every written word
 * becomes an optional clause on the phrasings and on the answers, and character 4-gram clauses on both forgive
 * typos, colloquial and derived forms and compounds (BM25; weights from settings.yaml's field_boosts: question and
 * variants weigh a phrasing match by its kind, answer, grams and answer_grams weigh their clauses).
 */
public final class FaqIndex {
    static final String GRAMS = "grams";
    static final Analyzer NGRAMS = fi.ikkuna.triage.analysis.Analyzers.characterNgrams();
    /**
     * Words that every question shares (question words, "can", "get", "be"): kept for the rules, which need
     * them to tell a question from a request, but they only add noise to FAQ ranking.
     */
    static final Set<String> QUESTION_NOISE = Set.of(("miten,mikä,mitä,mistä,mihin,missä,minkä,miksi,millä,kuka,kuinka,voida,voi,voiko,voinko,saada,saa,"
            + "saako,olla,on,onko,pitää,pitääkö,hur,vad,var,när,får,kan,how,what,where,when,can,do,i,get").split(","));
    private final Map<String, LanguageFaqIndex> byLang = new HashMap<>();
    private final Map<String, Analyzer> analyzers;
    private final Map<String, Float> boosts;
    private final Map<String, FaqEntry> byId = new HashMap<>();

    public FaqIndex(List<FaqEntry> entries, Map<String, Analyzer> analyzers, Map<String, Float> boosts) {
        this.analyzers = analyzers;
        this.boosts = boosts;
        entries.forEach(e -> byId.put(e.id(), e));
        SharedStatistics phrasingGrams = new SharedStatistics(GRAMS);
        SharedStatistics answerGrams = new SharedStatistics(GRAMS);
        analyzers.forEach((lang, analyzer) -> byLang.put(lang, new LanguageFaqIndex(
                entries.stream().filter(e -> e.lang().equals(lang)).toList(), analyzer, NGRAMS, boosts, phrasingGrams, answerGrams)));
        byLang.values().forEach(LanguageFaqIndex::computeScores);
    }

    /**
     * Up to {@code max} entries in the contact's language, best first, with their BM25 scores, and the best
     * entry's coverage of the contact's content words.
     */
    public FaqResult search(String text, String lang, int max) {
        LanguageFaqIndex index = byLang.get(lang);
        if (index.isEmpty()) {
            return FaqResult.NONE; // no entries in this language: skip the analysis
        }
        List<List<String>> words = analyze(analyzers.get(lang), text);
        words.removeIf(w -> w.stream().allMatch(QUESTION_NOISE::contains));
        if (words.isEmpty()) {
            return FaqResult.NONE;
        }
        List<String> grams = boosts.getOrDefault("grams", 0f) > 0f || boosts.getOrDefault("answer_grams", 0f) > 0f
                ? analyze(NGRAMS, text).stream().map(List::getFirst).toList() : List.of();
        float[] scores = index.scores(words, grams);
        int[] top = best(scores, max);
        List<FaqHit> hits = new ArrayList<>(max);
        for (int i : top) {
            FaqEntry e = index.entry(i);
            hits.add(new FaqHit(e.id(), scores[i], e.question(), e.answer()));
        }
        return new FaqResult(hits, top.length == 0 ? 0 : index.coverage(top[0], words));
    }

    /** Ordinals of the {@code max} highest positive scores, best first (ties: file order); no boxing per entry. */
    static int[] best(float[] scores, int max) {
        int[] top = new int[max];
        int n = 0;
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] <= 0f || (n == max && scores[i] <= scores[top[n - 1]])) {
                continue;
            }
            int at = n == max ? max - 1 : n++;
            while (at > 0 && scores[top[at - 1]] < scores[i]) {
                top[at] = top[at - 1];
                at--;
            }
            top[at] = i;
        }
        return java.util.Arrays.copyOf(top, n);
    }

    LanguageFaqIndex language(String lang) {
        return byLang.get(lang);
    }

    /** The underlying searcher of one language, for benchmarks that need a bare-Lucene floor on the same index. */
    public IndexSearcher searcher(String lang) {
        return byLang.get(lang).questionSearcher();
    }

    public FaqEntry entry(String id) {
        return byId.get(id);
    }

    /** Every entry in {@code lang}, by question: what a professional picks from. */
    public List<FaqEntry> entries(String lang) {
        return byId.values().stream().filter(e -> e.lang().equals(lang))
                .sorted(java.util.Comparator.comparing(FaqEntry::question)).toList();
    }

    public int size() {
        return byId.size();
    }

    /** Analysed forms grouped by position (one group per written word), duplicates removed. */
    static List<List<String>> analyze(Analyzer analyzer, String text) {
        List<List<String>> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        try (TokenStream ts = analyzer.tokenStream("q", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                if (inc.getPositionIncrement() > 0 || out.isEmpty()) {
                    out.add(new ArrayList<>());
                }
                if (seen.add(term.toString())) {
                    out.getLast().add(term.toString());
                }
            }
            ts.end();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        out.removeIf(List::isEmpty);
        return out;
    }
}
