package fi.ikkuna.triage.faq;

import fi.ikkuna.triage.TriageOutcome.FaqHit;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
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
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new PerFieldAnalyzerWrapper(analyzers.get("fi"), perField)))) {
            for (FaqEntry e : entries) {
                byId.put(e.id(), e);
                Document d = new Document();
                d.add(new StringField("id", e.id(), Field.Store.YES));
                d.add(new StringField("lang", e.lang(), Field.Store.NO));
                d.add(new TextField("question_" + e.lang(), e.question(), Field.Store.NO));
                for (String v : e.variants()) {
                    d.add(new TextField("variants_" + e.lang(), v, Field.Store.NO));
                }
                d.add(new TextField("answer_" + e.lang(), e.answer(), Field.Store.NO));
                w.addDocument(d);
            }
            w.commit();
            searcher = new IndexSearcher(DirectoryReader.open(dir));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Up to {@code max} entries in the contact's language, best first, with their BM25 scores. */
    public List<FaqHit> search(String text, String lang, int max) {
        Set<String> terms = analyze(text, lang);
        if (terms.isEmpty()) {
            return List.of();
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (String t : terms) {
            for (String f : FIELDS) {
                any.add(new BoostQuery(new TermQuery(new Term(f + "_" + lang, t)), boosts.getOrDefault(f, 1f)),
                        BooleanClause.Occur.SHOULD);
            }
        }
        BooleanQuery query = new BooleanQuery.Builder()
                .add(any.build(), BooleanClause.Occur.MUST)
                .add(new TermQuery(new Term("lang", lang)), BooleanClause.Occur.FILTER)
                .build();
        try {
            List<FaqHit> hits = new ArrayList<>();
            var stored = searcher.storedFields();
            for (ScoreDoc sd : searcher.search(query, max).scoreDocs) {
                FaqEntry e = byId.get(stored.document(sd.doc).get("id"));
                hits.add(new FaqHit(e.id(), sd.score, e.question(), e.answer()));
            }
            return hits;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    public FaqEntry entry(String id) {
        return byId.get(id);
    }

    public int size() {
        return byId.size();
    }

    private Set<String> analyze(String text, String lang) {
        Set<String> out = new LinkedHashSet<>();
        try (TokenStream ts = analyzers.get(lang).tokenStream("q", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out;
    }
}
