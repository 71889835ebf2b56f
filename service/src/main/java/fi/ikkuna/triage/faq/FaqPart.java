package fi.ikkuna.triage.faq;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One immutable FAQ index (the questions, variants or answers of one language): a Lucene index whose every
 * (term, document) BM25 score is computed once, by Lucene's own similarity, when the FAQ is loaded. A contact's
 * search then only adds up those scores, clause by clause, as a BooleanQuery of TermQuery and
 * DisjunctionMaxQuery clauses would ({@code FaqScoringTest} compares the two). Running such a query cost most
 * of a contact's triage: a contact makes a hundred or more term clauses, and Lucene sets up a scorer, a
 * postings reader and a window of buckets for each, per contact, to read a handful of documents.
 */
final class FaqPart {
    private static final String ENTRY = "entry";
    /** How much a word's further matching forms add to its best one (0 = max only; 0.5 measured best). */
    static final float TIE_BREAKER = 0.5f;

    private final IndexSearcher searcher;
    private final int[] entryOf;
    /** field → term → documents and their scores; filled by {@link #computeScores()}, then never changed. */
    private final Map<String, Map<String, TermScores>> scores = new HashMap<>();

    record TermScores(int[] docs, float[] scores) {
    }

    /**
     * @param shared statistics that replace this index's own for their field (complete before
     *               {@link #computeScores()}), or null
     */
    FaqPart(Analyzer analyzer, List<Document> docs, SharedStatistics shared) {
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer).setSimilarity(LanguageFaqIndex.SIMILARITY))) {
            w.addDocuments(docs);
            w.forceMerge(1);
            w.commit();
            searcher = shared == null ? new IndexSearcher(DirectoryReader.open(dir)) : new IndexSearcher(DirectoryReader.open(dir)) {
                @Override
                public CollectionStatistics collectionStatistics(String field) throws IOException {
                    return field.equals(shared.field()) ? shared.collection() : super.collectionStatistics(field);
                }

                @Override
                public TermStatistics termStatistics(Term term, int docFreq, long totalTermFreq) throws IOException {
                    return term.field().equals(shared.field()) ? shared.term(term) : super.termStatistics(term, docFreq, totalTermFreq);
                }
            };
            searcher.setSimilarity(LanguageFaqIndex.SIMILARITY);
            entryOf = new int[searcher.getIndexReader().maxDoc()];
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                NumericDocValues values = leaf.reader().getNumericDocValues(ENTRY);
                for (int d = values.nextDoc(); d != NumericDocValues.NO_MORE_DOCS; d = values.nextDoc()) {
                    entryOf[leaf.docBase + d] = (int) values.longValue();
                }
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static Document tag(Document doc, int entry) {
        doc.add(new NumericDocValuesField(ENTRY, entry));
        return doc;
    }

    /** Every (term, document) score, as a TermQuery's scorer computes it (boost 1). */
    void computeScores() {
        try {
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                LeafReader reader = leaf.reader();
                for (FieldInfo field : reader.getFieldInfos()) {
                    Terms terms = reader.terms(field.name);
                    if (terms == null) {
                        continue;
                    }
                    Map<String, TermScores> byText = scores.computeIfAbsent(field.name, f -> new HashMap<>());
                    CollectionStatistics collection = searcher.collectionStatistics(field.name);
                    TermsEnum te = terms.iterator();
                    for (BytesRef t = te.next(); t != null; t = te.next()) {
                        Term term = new Term(field.name, BytesRef.deepCopyOf(t));
                        Similarity.SimScorer sim = LanguageFaqIndex.SIMILARITY.scorer(1f, collection,
                                searcher.termStatistics(term, te.docFreq(), te.totalTermFreq()));
                        NumericDocValues norms = reader.getNormValues(field.name);
                        PostingsEnum postings = te.postings(null, PostingsEnum.FREQS);
                        int[] docs = new int[te.docFreq()];
                        float[] values = new float[docs.length];
                        int n = 0;
                        for (int d = postings.nextDoc(); d != PostingsEnum.NO_MORE_DOCS; d = postings.nextDoc()) {
                            long norm = norms != null && norms.advanceExact(d) ? norms.longValue() : 1L;
                            docs[n] = leaf.docBase + d;
                            values[n++] = sim.score(postings.freq(), norm);
                        }
                        byText.put(term.text(), new TermScores(docs, values));
                    }
                }
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Adds each written word's score to its documents: the word's forms are alternatives (the best one plus
     * {@link #TIE_BREAKER} of the others, as DisjunctionMaxQuery), forms the index lacks add nothing.
     */
    void addWords(String field, List<List<String>> words, float boost, float[] docScores) {
        Map<String, TermScores> byText = scores.getOrDefault(field, Map.of());
        float[] max = null;
        float[] sum = null;
        int[] touched = null;
        for (List<String> forms : words) {
            if (forms.size() == 1) {
                add(byText.get(forms.getFirst()), boost, docScores);
                continue;
            }
            if (max == null) {
                max = new float[docScores.length];
                sum = new float[docScores.length];
                touched = new int[docScores.length];
            }
            int n = 0;
            for (String form : forms) {
                TermScores ts = byText.get(form);
                for (int i = 0; ts != null && i < ts.docs.length; i++) {
                    int d = ts.docs[i];
                    if (sum[d] == 0f) {
                        touched[n++] = d;
                    }
                    max[d] = Math.max(max[d], ts.scores[i]);
                    sum[d] += ts.scores[i];
                }
            }
            for (int i = 0; i < n; i++) {
                int d = touched[i];
                docScores[d] += boost * (max[d] + TIE_BREAKER * (sum[d] - max[d]));
                max[d] = 0f;
                sum[d] = 0f;
            }
        }
    }

    /** Adds each term's score to its documents (each term its own clause, as the n-grams are). */
    void addTerms(String field, List<String> terms, float boost, float[] docScores) {
        Map<String, TermScores> byText = scores.getOrDefault(field, Map.of());
        terms.forEach(t -> add(byText.get(t), boost, docScores));
    }

    private static void add(TermScores ts, float boost, float[] docScores) {
        for (int i = 0; ts != null && i < ts.docs.length; i++) {
            docScores[ts.docs[i]] += boost * ts.scores[i];
        }
    }

    int docs() {
        return entryOf.length;
    }

    int entryOf(int doc) {
        return entryOf[doc];
    }

    IndexSearcher searcher() {
        return searcher;
    }
}
