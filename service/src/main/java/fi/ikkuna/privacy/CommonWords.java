package fi.ikkuna.privacy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Words written with a capital inside a sentence that are not personal names: English "I", weekdays and months,
 * languages, medicines, services and institutions residents name (privacy/capitalised-words.txt). A listed word
 * also covers its Finnish inflections ("Panadolia", "Kelalle").
 */
final class CommonWords {
    static final String RESOURCE = "/privacy/capitalised-words.txt";
    private static final int MAX_ENDING = 4;
    private final Set<String> words;

    CommonWords(Set<String> words) {
        this.words = Set.copyOf(words.stream().map(w -> w.toLowerCase(Locale.ROOT)).toList());
    }

    static CommonWords load() {
        Set<String> words = new HashSet<>();
        try (InputStream in = CommonWords.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String w = line.replaceAll("#.*", "").trim();
                if (!w.isEmpty()) {
                    words.add(w);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CommonWords(words);
    }

    boolean contains(String word) {
        String w = PersonNames.stem(word).toLowerCase(Locale.ROOT).replaceAll("['’]s$", "");
        if (words.contains(w)) {
            return true;
        }
        // Inflections of listed words of four letters or more; shorter ones ("I", "OK") would swallow real names.
        for (int cut = 1; cut <= MAX_ENDING && w.length() - cut >= 4; cut++) {
            if (words.contains(w.substring(0, w.length() - cut))) {
                return true;
            }
        }
        return false;
    }
}
