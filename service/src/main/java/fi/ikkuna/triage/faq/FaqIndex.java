package fi.ikkuna.triage.faq;

import fi.ikkuna.triage.TriageOutcome.FaqHit;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The FAQ as an in-memory Lucene index. Fields are per language (question_fi, variants_sv, ...) so each is
 * analysed by its own chain; the contact text is analysed with the same index chain and every term becomes an
 * optional clause on question, variants and answer with the boosts from settings.yaml (BM25).
 */
public final class FaqIndex {
    private static final String[] FIELDS = {"question", "variants", "answer"};
    private static final String GRAMS = "grams";
    private static final Analyzer TRIGRAMS = fi.ikkuna.triage.analysis.Analyzers.trigrams();
    /** Enough documents to find {@code max} distinct entries even when one entry's phrasings fill the top. */
    private static final int PHRASINGS_PER_ENTRY = 12;
    static final org.apache.lucene.search.similarities.BM25Similarity SIMILARITY =
            new org.apache.lucene.search.similarities.BM25Similarity(); // k1/b variations measured, no gain
    /**
     * Words that every question shares (question words, "can", "get", "be"): kept for the rules, which need
     * them to tell a question from a request, but they only add noise to FAQ ranking.
     */
    static final Set<String> QUESTION_NOISE = Set.of(("miten,mikä,mitä,mistä,mihin,missä,minkä,miksi,millä,kuka,kuinka,voida,voi,voiko,voinko,saada,saa,"
            + "saako,olla,on,onko,pitää,pitääkö,hur,vad,var,när,får,kan,how,what,where,when,can,do,i,get").split(","));
    /** How much a word's further matching forms add to its best one (0 = max only; 0.5 measured best). */
    private static final float TIE_BREAKER = 0.5f;

    private final IndexSearcher searcher;
    private final Map<String, Analyzer> analyzers;
    private final Map<String, Float> boosts;
    private final Map<String, FaqEntry> byId = new HashMap<>();

    public FaqIndex(List<FaqEntry> entries, Map<String, Analyzer> analyzers, Map<String, Float> boosts) {
        this.analyzers = analyzers;
        this.boosts = boosts;
        Map<String, Analyzer> perField = new HashMap<>();
        analyzers.forEach((lang, a) -> {
            for (String f : FIELDS) {
                perField.put(f + "_" + lang, a);
            }
        });
        perField.put(GRAMS, TRIGRAMS);
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new PerFieldAnalyzerWrapper(analyzers.get("fi"), perField)).setSimilarity(SIMILARITY))) {
            for (FaqEntry e : entries) {
                byId.put(e.id(), e);
                w.addDocument(doc(e, "question_", e.question()));
                for (String v : e.variants()) {
                    w.addDocument(doc(e, "variants_", v));
                }
            }
            w.commit();
            searcher = new IndexSearcher(DirectoryReader.open(dir));
            searcher.setSimilarity(SIMILARITY);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * One document per phrasing (the question, each variant), each carrying the entry's answer: an entry scores
     * as its best phrasing, so a long list of variants does not dilute a short one that fits (BM25 length norm).
     */
    private static Document doc(FaqEntry e, String phrasingField, String phrasing) {
        Document d = new Document();
        d.add(new StringField("id", e.id(), Field.Store.YES));
        d.add(new StringField("lang", e.lang(), Field.Store.NO));
        d.add(new TextField(phrasingField + e.lang(), phrasing, Field.Store.NO));
        d.add(new TextField(GRAMS, phrasing, Field.Store.NO));
        d.add(new TextField("answer_" + e.lang(), e.answer(), Field.Store.NO));
        return d;
    }

    /** Up to {@code max} entries in the contact's language, best first, with their BM25 scores. */
    public List<FaqHit> search(String text, String lang, int max) {
        List<List<String>> words = analyze(analyzers.get(lang), text);
        words.removeIf(w -> w.stream().allMatch(QUESTION_NOISE::contains));
        if (words.isEmpty()) {
            return List.of();
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (List<String> word : words) {
            for (String f : FIELDS) {
                float boost = boosts.getOrDefault(f, 1f);
                if (boost > 0f) {
                    any.add(new BoostQuery(wordQuery(f + "_" + lang, word), boost), BooleanClause.Occur.SHOULD);
                }
            }
        }
        float gramBoost = boosts.getOrDefault("grams", 0f);
        if (gramBoost > 0f) {
            for (List<String> gram : analyze(TRIGRAMS, text)) {
                any.add(new BoostQuery(new TermQuery(new Term(GRAMS, gram.getFirst())), gramBoost), BooleanClause.Occur.SHOULD);
            }
        }
        BooleanQuery query = new BooleanQuery.Builder()
                .add(any.build(), BooleanClause.Occur.MUST)
                .add(new TermQuery(new Term("lang", lang)), BooleanClause.Occur.FILTER)
                .build();
        try {
            List<FaqHit> hits = new ArrayList<>();
            Set<String> seen = new java.util.HashSet<>();
            var stored = searcher.storedFields();
            for (ScoreDoc sd : searcher.search(query, max * PHRASINGS_PER_ENTRY).scoreDocs) {
                FaqEntry e = byId.get(stored.document(sd.doc).get("id"));
                if (seen.add(e.id())) {
                    hits.add(new FaqHit(e.id(), sd.score, e.question(), e.answer()));
                }
                if (hits.size() == max) {
                    break;
                }
            }
            return hits;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The underlying searcher, for benchmarks that need a bare-Lucene floor on the same index. */
    public IndexSearcher searcher() {
        return searcher;
    }

    public FaqEntry entry(String id) {
        return byId.get(id);
    }

    public int size() {
        return byId.size();
    }

    /**
     * One clause per written word: its surface form, base forms and compound parts are alternatives, so a
     * compound does not score three times while a plain word scores once. Parts count a little less than the
     * whole word (they are less specific).
     */
    private static Query wordQuery(String field, List<String> forms) {
        if (forms.size() == 1) {
            return new TermQuery(new Term(field, forms.getFirst()));
        }
        List<Query> alternatives = new ArrayList<>();
        for (String form : forms) {
            alternatives.add(new TermQuery(new Term(field, form)));
        }
        return new DisjunctionMaxQuery(alternatives, TIE_BREAKER);
    }

    /** Analysed forms grouped by position (one group per written word), duplicates removed. */
    private static List<List<String>> analyze(Analyzer analyzer, String text) {
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
