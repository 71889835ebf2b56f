package fi.ikkuna.triage.analysis;

import org.apache.lucene.analysis.TokenStream;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Stacks single-word synonyms of the service vocabulary ("uusinta" → "uusiminen") at the same position.
 * Lucene's SynonymGraphFilter mishandles input that already has stacked tokens (the base forms), and staff
 * synonyms are single words, so this map lookup is both simpler and correct.
 */
public final class SynonymExpandFilter extends StackingFilter {
    private final Map<String, List<String>> synonyms;

    public SynonymExpandFilter(TokenStream input, Map<String, List<String>> synonyms) {
        super(input);
        this.synonyms = synonyms;
    }

    @Override
    protected Collection<String> stacked(String word) {
        return synonyms.getOrDefault(word, List.of());
    }
}
