package fi.ikkuna.triage.analysis;

import java.util.List;
import java.util.Set;

/**
 * Blanks clauses that name a finding which is not happening now, so no red flag fires on them: questions asking
 * what a condition's signs are ("Mitkä ovat aivoinfarktin oireet?", "What are the signs of a stroke?") and events
 * anchored in the distant past ("kouristelin viime kuussa", "had chest pain last year"). Scoped to the clause, as
 * {@link Negation} is: "What are the signs of a stroke, my dad can't lift his arm?" keeps its second clause. A past
 * clause that says it still goes on ("jatkuu yhä", "since", "edelleen") is kept, and recent past ("eilen",
 * "yesterday") never counts: what began yesterday may be an emergency today. Blanking keeps character offsets.
 */
final class NotNow {
    private static final Set<String> CLAUSE_END = Set.of(".", ",", ";", ":", "!", "?", "(", ")", "\n");
    private static final Set<String> SENTENCE_END = Set.of(".", "!", "?", "\n");

    private final Set<String> interrogatives;
    private final List<String> cuePrefixes;
    private final List<List<String>> distantPast;
    private final Set<String> ongoing;
    private final Set<String> boundaries;
    private static final Set<String> COPULAS = Set.of("on", "ovat", "oo", "ois", "olis", "olisi", "är", "blir", "are", "is");

    private NotNow(Set<String> interrogatives, List<String> cuePrefixes, List<List<String>> distantPast, Set<String> ongoing,
                   Set<String> boundaries) {
        this.interrogatives = interrogatives;
        this.cuePrefixes = cuePrefixes;
        this.distantPast = distantPast;
        this.ongoing = ongoing;
        this.boundaries = boundaries;
    }

    static NotNow finnish() {
        return new NotNow(Set.of("mitkä", "mikä", "mitä", "miten", "mistä", "millaiset", "millaisia", "kuinka", "minkälaiset"),
                List.of("oire", "oiree", "merki", "merkk", "merkit", "tunnist", "tunnusmerk"),
                phrases("viime kuussa", "viime vuonna", "viime keväänä", "viime kesänä", "viime syksynä", "viime talvena",
                        "vuosi sitten", "vuosia sitten", "vuotta sitten", "kuukausi sitten", "kuukausia sitten",
                        "kuukautta sitten", "viime vuoden", "lapsena", "nuorena", "vuonna #year"),
                Set.of("yhä", "edelleen", "vieläkin", "jatkuu", "jatkunut", "asti", "lähtien", "saakka", "taas", "uudestaan",
                        "uudelleen", "nyt", "tänään", "koko"),
                Set.of("mutta", "mut", "vaan", "kuitenkin", "silti", "ja", "sekä", "kun", "koska", "jos", "vaikka", "nyt"));
    }

    static NotNow swedish() {
        return new NotNow(Set.of("vilka", "vad", "hur", "vilket", "vilken"),
                List.of("tecken", "tecknen", "symtom", "igen", "varningstecken"),
                phrases("förra månaden", "förra året", "förra våren", "förra sommaren", "förra hösten", "förra vintern",
                        "i fjol", "för #n år sedan", "för #n månader sedan", "för en månad sedan", "som barn", "år #year", "i #year"),
                Set.of("fortfarande", "fortsätter", "igen", "nu", "idag", "ännu"),
                Set.of("men", "och", "fast", "när", "eftersom", "om", "nu"));
    }

    static NotNow english() {
        return new NotNow(Set.of("what", "how", "which"),
                List.of("sign", "symptom", "recogni", "warning"),
                phrases("last month", "last year", "last spring", "last summer", "last autumn", "last fall", "last winter",
                        "a year ago", "years ago", "months ago", "a month ago", "as a child", "in #year"),
                Set.of("still", "since", "ongoing", "again", "now", "today", "continues", "keeps"),
                Set.of("but", "and", "though", "although", "when", "because", "if", "now"));
    }

    /** {@code text} with every not-now clause replaced by spaces; {@code out} is the running result or null. */
    char[] mask(String text, Clauses clauses, char[] out) {
        List<String> w = clauses.words();
        int start = 0;
        while (start < w.size()) {
            int end = start;
            while (end < w.size() && !CLAUSE_END.contains(w.get(end)) && (end == start || !boundaries.contains(w.get(end)))) {
                end++;
            }
            if (end > start && (infoQuestion(w, start, end) || distantPast(w, start, end))) {
                out = clauses.blank(text, out, start, end);
            }
            start = end == start ? end + 1 : end;
        }
        return out;
    }

    private boolean infoQuestion(List<String> w, int start, int end) {
        if (!interrogatives.contains(w.get(start))) {
            return false;
        }
        int e = end;
        while (e < w.size() && !SENTENCE_END.contains(w.get(e))) {
            e++;
        }
        // Residents often leave out the question mark: "mitkä on sydänkohtauksen oireet naisilla" still asks, when
        // the sentence opens with the interrogative and a copula ("what are the signs of a stroke").
        boolean asked = e < w.size() && "?".equals(w.get(e))
                || (start == 0 || SENTENCE_END.contains(w.get(start - 1))) && start + 1 < end && COPULAS.contains(w.get(start + 1));
        if (!asked) {
            return false;
        }
        for (int k = start + 1; k < end; k++) {
            for (String cue : cuePrefixes) {
                if (w.get(k).startsWith(cue)) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean distantPast(List<String> w, int start, int end) {
        boolean anchored = false;
        for (int k = start; k < end && !anchored; k++) {
            for (List<String> phrase : distantPast) {
                if (k + phrase.size() <= end && matches(w.subList(k, k + phrase.size()), phrase)) {
                    anchored = true;
                    break;
                }
            }
        }
        if (!anchored) {
            return false;
        }
        for (int k = start; k < end; k++) {
            if (ongoing.contains(w.get(k))) {
                return false;
            }
        }
        return true;
    }

    /** "#n" is any count (a number or a count word), "#year" a past year written in digits. */
    private static boolean matches(List<String> words, List<String> phrase) {
        for (int i = 0; i < phrase.size(); i++) {
            String p = phrase.get(i);
            String w = words.get(i);
            boolean ok = switch (p) {
                case "#n" -> w.matches("\\d+") || COUNTS.contains(w);
                case "#year" -> w.matches("(19|20)\\d\\d") && Integer.parseInt(w) < java.time.Year.now().getValue();
                default -> p.equals(w);
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static final Set<String> COUNTS = Set.of("ett", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio",
            "några", "flera", "många", "pari", "kaksi", "kolme", "neljä", "viisi", "two", "three", "four", "five", "several", "many");

    private static List<List<String>> phrases(String... p) {
        return java.util.Arrays.stream(p).map(s -> List.of(s.split(" "))).toList();
    }
}
