package fi.ikkuna.triage.analysis;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Emits, at the position of each (lower-cased) word, its base forms and, when {@code withParts}, its compound
 * parts, so "hammaslääkäriajan" is found by "hammaslääkäri", "aika" and "hammaslääkäriaika". The surface form
 * is kept for words the dictionary does not know (names, typos) and for wildcard rules.
 */
public final class MorphologyFilter extends TokenFilter {
    private final VoikkoMorphology morphology;
    private final boolean withParts;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);
    private final Deque<String> pending = new ArrayDeque<>();
    private State current;

    public MorphologyFilter(TokenStream input, VoikkoMorphology morphology, boolean withParts) {
        super(input);
        this.morphology = morphology;
        this.withParts = withParts;
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
        String surface = term.toString();
        Morphology m = morphology.analyze(surface);
        for (String base : m.baseForms()) {
            if (!base.equals(surface)) {
                pending.add(base);
            }
        }
        if (withParts) {
            pending.addAll(m.parts());
        }
        current = captureState();
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pending.clear();
        current = null;
    }
}
