package fi.ikkuna.triage.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A contact's words and punctuation, lower-cased, with the character span of each in the original text: what
 * {@link Negation} and {@link NotNow} read clause by clause, and the spans they blank (offsets never move).
 */
record Clauses(List<String> words, List<int[]> spans) {
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}'-]+|[.,;:!?()\\n]");

    static Clauses of(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replace('’', '\'');
        List<String> words = new ArrayList<>();
        List<int[]> spans = new ArrayList<>();
        Matcher m = TOKEN.matcher(lower);
        while (m.find()) {
            words.add(m.group());
            spans.add(new int[] {m.start(), m.end()});
        }
        return new Clauses(words, spans);
    }

    /** Blanks words {@code from} (inclusive) to {@code to} (exclusive) in {@code out}, a copy of {@code text} made on first use. */
    char[] blank(String text, char[] out, int from, int to) {
        char[] o = out == null ? text.toCharArray() : out;
        for (int k = from; k < to; k++) {
            java.util.Arrays.fill(o, spans.get(k)[0], spans.get(k)[1], ' ');
        }
        return o;
    }
}
