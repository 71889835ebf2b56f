package fi.ikkuna.triage.analysis;

import org.apache.lucene.analysis.TokenStream;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Emits, at the position of each (lower-cased) word, its base forms and, when {@code withParts}, its compound
 * parts, so "hammaslääkäriajan" is found by "hammaslääkäri", "aika" and "hammaslääkäriaika". The surface form
 * is kept for words the dictionary does not know (names, typos) and for wildcard rules.
 */
public final class MorphologyFilter extends StackingFilter {
    private final VoikkoMorphology morphology;
    private final boolean withParts;

    public MorphologyFilter(TokenStream input, VoikkoMorphology morphology, boolean withParts) {
        super(input);
        this.morphology = morphology;
        this.withParts = withParts;
    }

    @Override
    protected Collection<String> stacked(String surface) {
        Morphology m = morphology.analyze(surface);
        List<String> out = new ArrayList<>();
        for (String base : m.baseForms()) {
            if (!base.equals(surface)) {
                out.add(base);
            }
        }
        if (withParts) {
            out.addAll(m.parts());
        }
        return out;
    }
}
