package fi.ikkuna.triage.analysis;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * Stacks single-word synonyms of the service vocabulary ("uusinta" → "uusiminen") at the same position.
 * Lucene's SynonymGraphFilter mishandles input that already has stacked tokens (the base forms), and staff
 * synonyms are single words, so this map lookup is both simpler and correct.
 */
public final class SynonymExpandFilter extends TokenFilter {
    private final Map<String, List<String>> synonyms;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);
    private final Deque<String> pending = new ArrayDeque<>();
    private State current;

    public SynonymExpandFilter(TokenStream input, Map<String, List<String>> synonyms) {
        super(input);
        this.synonyms = synonyms;
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!pending.isEmpty()) {
            restoreState(current);
            term.setEmpty().append(pending.poll());
            posInc.setPositionIncrement(0);
            return true;
        }
        if (!input.incrementToken()) {
            return false;
        }
        List<String> more = synonyms.get(term.toString());
        if (more != null) {
            pending.addAll(more);
            current = captureState();
        }
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pending.clear();
    }
}
