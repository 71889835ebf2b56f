package fi.ikkuna.triage.faq;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * BM25 statistics of one field summed over several indexes. The n-gram field scores against every
 * language's phrasings (and, separately, every language's answers): the Swedish and English FAQs have a few
 * dozen phrasings each, too few for an n-gram's
 * document frequency to say how rare it is, and a misspelt Swedish compound then found no entry at all.
 * Filled while the FAQ is built, read-only once it is published.
 */
final class SharedStatistics {
    private final String field;
    private final Map<BytesRef, long[]> terms = new HashMap<>();
    private long maxDoc;
    private long docCount;
    private long sumTotalTermFreq;
    private long sumDocFreq;

    SharedStatistics(String field) {
        this.field = field;
    }

    String field() {
        return field;
    }

    void add(IndexReader reader) {
        try {
            maxDoc += reader.maxDoc();
            for (LeafReaderContext leaf : reader.leaves()) {
                Terms t = leaf.reader().terms(field);
                if (t == null) {
                    continue;
                }
                docCount += t.getDocCount();
                sumTotalTermFreq += t.getSumTotalTermFreq();
                sumDocFreq += t.getSumDocFreq();
                TermsEnum te = t.iterator();
                for (BytesRef term = te.next(); term != null; term = te.next()) {
                    long[] stats = terms.computeIfAbsent(BytesRef.deepCopyOf(term), k -> new long[2]);
                    stats[0] += te.docFreq();
                    stats[1] += te.totalTermFreq();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    CollectionStatistics collection() {
        return docCount == 0 ? null : new CollectionStatistics(field, maxDoc, docCount, sumTotalTermFreq, sumDocFreq);
    }

    /** The summed statistics of a term this index contains (so present in the sums). */
    TermStatistics term(Term term) {
        long[] stats = terms.get(term.bytes());
        return new TermStatistics(term.bytes(), stats[0], stats[1]);
    }
}
