package fi.ikkuna.triage.analysis;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;

/**
 * Passes every token through and stacks extra terms at its position (position increment 0), carrying the
 * token's other attributes. Subclasses say only which extra terms a word gets.
 */
abstract class StackingFilter extends TokenFilter {
    protected final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);
    private final Deque<String> pending = new ArrayDeque<>();
    private State current;

    protected StackingFilter(TokenStream input) {
        super(input);
    }

    /** The terms to stack on {@code word}; empty for none. */
    protected abstract Collection<String> stacked(String word);

    @Override
    public final boolean incrementToken() throws IOException {
        if (!pending.isEmpty()) {
            restoreState(current);
            term.setEmpty().append(pending.poll());
            posInc.setPositionIncrement(0);
            return true;
        }
        if (!input.incrementToken()) {
            return false;
        }
        Collection<String> more = stacked(term.toString());
        if (!more.isEmpty()) {
            pending.addAll(more);
            current = captureState();
        }
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pending.clear();
        current = null;
    }
}
