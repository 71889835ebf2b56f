package fi.ikkuna.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Personal names in free text, replaced by {@value #PLACEHOLDER}. Voikko's word class decides for the words it
 * knows (etunimi, sukunimi; ambiguous ones like "Anna" = a name or "give" only when capitalised inside a sentence or
 * beside another name); a word it does not know (Swedish, English and foreign names, and every word when Voikko is
 * missing) counts as a name when it is capitalised inside a sentence and not a known capitalised common word.
 * Place names stay (a municipality does not identify a resident and rescue routing may need it) unless they follow
 * a name ("Matti Nieminen"). What this misses is listed in docs/audit.md.
 */
final class PersonNames {
    static final String PLACEHOLDER = "[nimi]";
    private static final Pattern TOKEN = Pattern.compile("\\[\\p{L}+\\]|\\p{L}+(?:['’-]\\p{L}+)*(?::\\p{L}+)?");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?:;\\n•]");
    /** Phrases after which the next word is a name whatever its case ("nimeni on ahmed"). */
    private static final Set<String> TRIGGERS = Set.of("nimeni on", "nimi on", "heter", "namn är", "name is", "name's");

    enum Kind { PERSON, PERSON_OR_WORD, PLACE, WORD, UNKNOWN, PLACEHOLDER }

    private record Token(int start, int end, String text, boolean sentenceStart, boolean capitalised, Kind kind) {
    }

    private final Function<String, List<String>> wordClasses;
    private final CommonWords common;

    /** {@code wordClasses}: Voikko's CLASS of each reading of a word, empty when unknown (or without Voikko). */
    PersonNames(Function<String, List<String>> wordClasses, CommonWords common) {
        this.wordClasses = wordClasses;
        this.common = common;
    }

    String scrub(String text, String language) {
        List<Token> tokens = tokens(text, "fi".equals(language));
        boolean[] name = new boolean[tokens.size()];
        // Two sweeps: "Matti Kivi" is a name because the word before "Kivi" was found to be a first name.
        for (int sweep = 0; sweep < 2; sweep++) {
            for (int i = 0; i < tokens.size(); i++) {
                name[i] |= isName(tokens, name, i, "fi".equals(language));
            }
        }
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (int i = 0; i < tokens.size(); i++) {
            if (!name[i]) {
                continue;
            }
            Token t = tokens.get(i);
            boolean joined = i > 0 && name[i - 1] && text.substring(tokens.get(i - 1).end(), t.start()).isBlank();
            out.append(text, at, joined ? tokens.get(i - 1).end() : t.start());
            if (!joined) {
                out.append(PLACEHOLDER); // a run of names ("Anna-Liisa Virtanen") becomes one placeholder
            }
            at = t.end();
        }
        return out.append(text, at, text.length()).toString();
    }

    private boolean isName(List<Token> tokens, boolean[] name, int i, boolean finnish) {
        Token t = tokens.get(i);
        Token prev = t.sentenceStart() ? null : tokens.get(i - 1);
        Token next = i + 1 < tokens.size() && !tokens.get(i + 1).sentenceStart() ? tokens.get(i + 1) : null;
        if (t.kind() == Kind.PLACEHOLDER) {
            return false;
        }
        if (triggered(tokens, i) || prev != null && triggered(tokens, i - 1)
                && (t.capitalised() || t.kind() == Kind.PERSON || t.kind() == Kind.UNKNOWN)) {
            return true;
        }
        if (common.contains(t.text())) {
            return false; // listed words win over Voikko too: "Parkinsonin tauti" names a disease
        }
        // The capitalised word right after a name is part of it ("Matti Kivi", "Hassan Nieminen": Voikko calls Hassan a surname).
        boolean afterName = prev != null && name[i - 1];
        return switch (t.kind()) {
            case PERSON -> finnish || t.capitalised();
            case PERSON_OR_WORD -> t.capitalised() && (!t.sentenceStart() || next != null && next.capitalised() && next.kind() != Kind.WORD);
            case PLACE, WORD -> t.capitalised() && afterName;
            case UNKNOWN -> t.capitalised() && t.text().length() > 1
                    && (!t.sentenceStart() || next != null && next.capitalised()
                    && (next.kind() == Kind.PERSON || next.kind() == Kind.UNKNOWN && !common.contains(next.text())));
            case PLACEHOLDER -> false;
        };
    }

    private static boolean triggered(List<Token> tokens, int i) {
        String one = i >= 1 ? lower(tokens.get(i - 1)) : "";
        String two = i >= 2 ? lower(tokens.get(i - 2)) + " " + one : "";
        return i >= 1 && !tokens.get(i).sentenceStart() && (TRIGGERS.contains(one) || TRIGGERS.contains(two));
    }

    private List<Token> tokens(String text, boolean finnish) {
        List<Token> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        int previousEnd = -1;
        while (m.find()) {
            String w = m.group();
            boolean start = previousEnd < 0 || SENTENCE_END.matcher(text.substring(previousEnd, m.start())).find();
            previousEnd = m.end();
            if (w.startsWith("[")) {
                out.add(new Token(m.start(), m.end(), w, start, false, Kind.PLACEHOLDER));
                continue;
            }
            List<String> classes = wordClasses.apply(stem(w));
            boolean capitalised = Character.isUpperCase(w.codePointAt(0)) && (w.length() == 1 || !w.equals(w.toUpperCase(Locale.ROOT)));
            out.add(new Token(m.start(), m.end(), w, start, capitalised, kind(classes, finnish)));
        }
        return out;
    }

    /** Outside Finnish text a Finnish common-word reading says nothing, but a Finnish place or person name still does. */
    private static Kind kind(List<String> classes, boolean finnish) {
        boolean person = classes.contains("etunimi") || classes.contains("sukunimi");
        boolean other = classes.stream().anyMatch(c -> !c.equals("etunimi") && !c.equals("sukunimi"));
        if (classes.isEmpty()) {
            return Kind.UNKNOWN;
        } else if (person) {
            return other ? Kind.PERSON_OR_WORD : Kind.PERSON;
        } else if (classes.contains("paikannimi")) {
            return Kind.PLACE;
        }
        return finnish ? Kind.WORD : Kind.UNKNOWN;
    }

    /** "Ahmed:lle" is looked up as "Ahmed". */
    static String stem(String word) {
        int colon = word.indexOf(':');
        return colon < 0 ? word : word.substring(0, colon);
    }

    private static String lower(Token t) {
        return t.text().toLowerCase(Locale.ROOT);
    }
}
