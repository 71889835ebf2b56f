package fi.ikkuna.triage.faq;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.SingleInstanceLockFactory;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One immutable in-memory index of FAQ documents (questions, variants or answers of one language), each document
 * tagged with its entry's ordinal. Every term's dictionary entry is looked up once, when the index is built:
 * a contact's query then skips words the index does not contain and never seeks the term dictionary, which
 * was half of a search (a query has a hundred or more term clauses, each matching a handful of documents).
 */
final class FaqPart {
    private static final String ENTRY = "entry";
    /** How much a word's further matching forms add to its best one (0 = max only; 0.5 measured best). */
    private static final float TIE_BREAKER = 0.5f;

    private final IndexSearcher searcher;
    private final int[] entryOf;
    /** field → term → its statistics and per-segment state, complete and never changed after construction. */
    private final Map<String, Map<String, TermStates>> terms = new HashMap<>();

    /**
     * @param shared statistics that replace this index's own for their field (filled by the caller before the
     *               first search), or null
     */
    FaqPart(Analyzer analyzer, List<Document> docs, SharedStatistics shared) {
        // one buffer per file: every term scorer clones its inputs, and a many-buffer input duplicates each buffer
        ByteBuffersDirectory dir = new ByteBuffersDirectory(new SingleInstanceLockFactory(), ByteBuffersDataOutput::new,
                ByteBuffersDirectory.OUTPUT_AS_ONE_BUFFER);
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer).setSimilarity(LanguageFaqIndex.SIMILARITY))) {
            w.addDocuments(docs);
            w.forceMerge(1); // one segment: a search pays per-segment set-up once
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
            searcher.setQueryCache(null); // every query is new text: caching only costs
            entryOf = new int[searcher.getIndexReader().maxDoc()];
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                NumericDocValues values = leaf.reader().getNumericDocValues(ENTRY);
                for (int d = values.nextDoc(); d != NumericDocValues.NO_MORE_DOCS; d = values.nextDoc()) {
                    entryOf[leaf.docBase + d] = (int) values.longValue();
                }
                lookUpTerms(leaf);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static Document tag(Document doc, int entry) {
        doc.add(new org.apache.lucene.document.NumericDocValuesField(ENTRY, entry));
        return doc;
    }

    private void lookUpTerms(LeafReaderContext leaf) throws IOException {
        for (FieldInfo field : leaf.reader().getFieldInfos()) {
            Terms fieldTerms = leaf.reader().terms(field.name);
            if (fieldTerms == null) {
                continue;
            }
            Map<String, TermStates> byText = terms.computeIfAbsent(field.name, f -> new HashMap<>());
            TermsEnum te = fieldTerms.iterator();
            for (BytesRef t = te.next(); t != null; t = te.next()) {
                byText.computeIfAbsent(t.utf8ToString(), x -> new TermStates(searcher.getTopReaderContext()))
                        .register(te.termState(), leaf.ord, te.docFreq(), te.totalTermFreq());
            }
        }
    }

    /** A clause for one written word: its forms that this index contains, as alternatives; null when none. */
    Query word(String field, List<String> forms, float boost) {
        List<Query> present = new ArrayList<>(forms.size());
        for (String form : forms) {
            Query q = term(field, form);
            if (q != null) {
                present.add(q);
            }
        }
        Query q = present.isEmpty() ? null : present.size() == 1 ? present.getFirst()
                : new DisjunctionMaxQuery(present, TIE_BREAKER);
        return q == null || boost == 1f ? q : new BoostQuery(q, boost);
    }

    /** A term clause carrying the term's looked-up state, or null when the index does not contain the term. */
    Query term(String field, String text) {
        TermStates states = terms.getOrDefault(field, Map.of()).get(text);
        return states == null ? null : new TermQuery(new Term(field, text), states);
    }

    /** Scores every document matching any of the clauses (exhaustively: a few thousand postings at most). */
    void collect(List<Query> clauses, EntryScore action) {
        if (clauses.isEmpty()) {
            return;
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        clauses.forEach(c -> any.add(c, BooleanClause.Occur.SHOULD));
        try {
            searcher.search(any.build(), new CollectorManager<Collector, Void>() {
                @Override
                public Collector newCollector() {
                    return new SimpleCollector() {
                        private Scorable scorer;
                        private int docBase;

                        @Override
                        public void setScorer(Scorable scorer) {
                            this.scorer = scorer;
                        }

                        @Override
                        protected void doSetNextReader(LeafReaderContext context) {
                            docBase = context.docBase;
                        }

                        @Override
                        public void collect(int doc) throws IOException {
                            action.accept(entryOf[docBase + doc], scorer.score());
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
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    IndexSearcher searcher() {
        return searcher;
    }

    interface EntryScore {
        void accept(int entry, float score);
    }
}
