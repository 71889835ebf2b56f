package fi.ikkuna.triage.analysis;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Finds denied findings ("ei ole hengitysvaikeuksia", "ei rintakipua", "no chest pain", "inga andningssvårigheter")
 * and blanks them before rules see the text, so a denial never raises a red flag. Order-aware and scoped to its
 * clause: a denial covers the words after its trigger up to the next punctuation or clause word ("mutta", "ja",
 * "but", "men"…), never words before it. A negated verb stays ("ei saa henkeä", "ei herää", "ei ole herännyt",
 * "har inte vaknat" are red flags the rules read themselves), and so does a denied sign of life ("ei
 * hengitystä", "no pulse", "ingen andning"). Blanking keeps every other character at its offset.
 */
public final class Negation {
    private static final Set<String> PUNCTUATION = Set.of(".", ",", ";", ":", "!", "?", "(", ")", "\n");
    /** After a sign-of-life word these make it a symptom noun again: "no breathing problems". */
    private static final Set<String> SYMPTOM_HEADS = Set.of("problems", "problem", "difficulty", "difficulties", "issues",
            "issue", "trouble", "troubles", "pain", "pains", "besvär", "svårigheter", "svårighet");
    /** After "ei" these verbs report a finding, so what follows is what is denied: "eikä puhu itsensä vahingoittamisesta". */
    private static final List<String> REPORT_VERBS = List.of("puhu", "mainitse", "maininnut", "kerro", "kertonut", "uhkaile",
            "uhkaillut", "valita", "valittanut", "talk", "mention");
    /** A negated verb that is itself a symptom is a denial: "ei kouristele", "ei oksenna", "ei vuoda". */
    private static final List<String> SYMPTOM_VERBS = List.of("kourist", "oksen", "vuoda", "vuotanut", "särje", "kivist");
    /**
     * "not"/"inte" deny the state adjective right after them ("not suicidal", "är inte förvirrad"), but not a verb
     * form: "not breathing", "not waking up", "inte vaknar" are red flags the rules read themselves.
     */
    private static final Set<String> ADJECTIVE_NEGATORS = Set.of("not", "inte", "ej");
    private static final Set<String> DENIABLE_STATES = Set.of("suicidal", "feverish", "dizzy", "confused", "breathless",
            "drowsy", "violent", "aggressive", "self-harming", "självmordsbenägen", "förvirrad", "yr", "andfådd",
            "våldsam", "aggressiv", "dåsig", "febrig");
    private static final Set<String> STATE_FILLERS = Set.of("feeling", "really", "actually", "currently", "känner", "mig", "alls");
    private static final Pattern FI_PARTICIPLE = Pattern.compile(".*(nut|nyt|neet|lut|lyt|rut|ryt|sut|syt|ttu|tty|ny|nu)$");
    private static final Pattern SV_SUPINE = Pattern.compile(".*(at|it|ats|its|tt|dd|tts|ut|ått)$");

    private final Set<String> nominal;
    private final Set<String> verbal;
    private final Set<String> existence;
    private final Set<String> fillers;
    private final Set<String> boundaries;
    private final Set<String> signsOfLife;
    private final Predicate<String> verb;
    private final NotNow notNow;

    private Negation(Set<String> nominal, Set<String> verbal, Set<String> existence, Set<String> fillers,
                     Set<String> boundaries, Set<String> signsOfLife, Predicate<String> verb, NotNow notNow) {
        this.notNow = notNow;
        this.nominal = nominal;
        this.verbal = verbal;
        this.existence = existence;
        this.fillers = fillers;
        this.boundaries = boundaries;
        this.signsOfLife = signsOfLife;
        this.verb = verb;
    }

    /**
     * Finnish: "ilman …", "ei/en/eikä … ole|oo|ollut …" unless a participle follows, and "ei" before a word that is
     * not a verb (elliptic "ei kuumetta"). {@code isVerb} is Voikko's word class; without Voikko (null) every word
     * after "ei" counts as a verb, so only the "ei ole" form is recognised: the fallback errs toward the flag.
     */
    public static Negation finnish(Predicate<String> isVerb) {
        Predicate<String> verb = isVerb == null ? w -> true : isVerb;
        return new Negation(Set.of("ilman"),
                Set.of("ei", "en", "et", "emme", "ette", "eivät", "eikä", "enkä", "etkä", "eivätkä"),
                Set.of("ole", "oo", "ollut", "olleet", "ollu"),
                Set.of("kyllä", "edes", "vielä", "mitään", "yhtään", "ainakaan", "kuitenkaan", "minulla", "mulla",
                        "hänellä", "sillä", "lapsella", "meillä", "onneksi", "juurikaan", "mitenkään", "erityisiä", "muita",
                        // adverbs between "ei" and its verb: "ei juuri hengitä" must still reach the verb
                        "juuri", "koskaan", "lainkaan", "ollenkaan", "kunnolla", "oikein", "aina", "hyvin", "kovin",
                        "normaalisti", "itse", "enää", "missään", "täällä", "siellä"),
                Set.of("mutta", "mut", "vaan", "kuitenkin", "silti", "paitsi", "ja", "sekä", "kun", "koska", "jos", "vaikka", "nyt"),
                Set.of("hengitystä", "pulssia", "sykettä", "ilmaa", "happea", "reaktiota", "vastetta", "elonmerkkejä", "voimaa", "tuntoa",
                        "tajuissaan", "tajuillaan", "hereillä", "kontaktissa", "hengissä", "tajuntaa", "henkeä"),
                verb, NotNow.finnish());
    }

    /** Swedish: "ingen/inga/inget/utan …", "har inte/ej …" unless a supine follows ("har inte vaknat"). */
    public static Negation swedish() {
        return new Negation(Set.of("ingen", "inga", "inget", "utan", "förnekar"), Set.of("har_inte", "har_ej", "hade_inte"),
                Set.of(), Set.of("några", "någon", "något", "alls", "haft", "längre"),
                Set.of("men", "och", "fast", "utom", "när", "eftersom", "om", "nu"),
                Set.of("puls", "andning", "luft", "reaktion", "livstecken", "kontakt", "medvetande", "syre", "kraft", "känsel"),
                w -> SV_SUPINE.matcher(w).matches() && !w.equals("ont"), NotNow.swedish());
    }

    /** English: "no …", "without …", "denies …", "don't/doesn't/didn't have …", "free of …". */
    public static Negation english() {
        return new Negation(Set.of("no", "without", "denies", "free_of", "don't_have", "doesn't_have", "didn't_have",
                        "do_not_have", "does_not_have", "did_not_have", "haven't_had", "hasn't_had", "never_had", "not_had"),
                Set.of(), Set.of(), Set.of("any", "more", "real", "obvious", "signs", "sign", "of", "other", "major"),
                Set.of("but", "and", "though", "although", "however", "except", "yet", "when", "because", "if", "now", "just"),
                Set.of("pulse", "heartbeat", "breath", "breathing", "response", "reaction", "air", "life", "one", "longer", "strength", "feeling",
                        "oxygen", "consciousness", "way", "idea", "matter"),
                w -> false, NotNow.english());
    }

    /** The text with every denied finding, and every clause {@link NotNow} finds not happening now, replaced by spaces. */
    public String mask(String text) {
        return masks(text).notNow();
    }

    /** Both readings of one contact: {@code denied} for routing and the second opinion, {@code notNow} for safety. */
    public record Masked(String denied, String notNow) {
    }

    /** The text read once (one tokenization, one denial pass) for both readings. */
    public Masked masks(String text) {
        Clauses clauses = Clauses.of(text);
        char[] denied = denials(text, clauses);
        String deniedText = denied == null ? text : new String(denied);
        char[] all = notNow.mask(text, clauses, denied == null ? null : denied.clone());
        return new Masked(deniedText, all == null ? deniedText : new String(all));
    }

    /**
     * Only the denied findings blanked: what the statistical second opinion reads. It weighs the whole message, and
     * a question or a past event around a red flag is part of what it learnt from.
     */
    public String maskDenials(String text) {
        char[] out = denials(text, Clauses.of(text));
        return out == null ? text : new String(out);
    }

    private char[] denials(String text, Clauses clauses) {
        List<String> words = clauses.words();
        char[] out = null;
        for (int i = 1; i + 1 < words.size(); i++) {
            if (precedingDenied(words, i)) {
                out = clauses.blank(text, out, i - 1, i);
            }
        }
        for (int i = 0; i < words.size(); i++) {
            int start = deniedFrom(words, i);
            if (start < 0) {
                continue;
            }
            int end = start;
            while (end < words.size() && !isBoundary(words.get(end))) {
                end++;
            }
            out = clauses.blank(text, out, start, end);
            i = end - 1;
        }
        return out;
    }

    /**
     * Finnish puts the denied noun first as readily as after: "savua ei ole (missään)", "kuumetta ei ole". The word
     * before "ei ole" is denied when the clause ends after it and it is a partitive, unless it is a sign of life
     * ("hengitystä ei ole" stays a red flag).
     */
    private boolean precedingDenied(List<String> w, int i) {
        if (!verbal.contains(w.get(i)) || existence.isEmpty() || !existence.contains(w.get(i + 1))) {
            return false;
        }
        int j = skipFillers(w, i + 2);
        String before = w.get(i - 1);
        // the existential "X ei ole" takes the partitive, which ends in -a/-ä ("savua", "kuumetta", "oireita")
        return (j >= w.size() || isBoundary(w.get(j))) && !isBoundary(before) && !signsOfLife.contains(before)
                && (before.endsWith("a") || before.endsWith("ä"));
    }

    /** The first denied word of a denial whose trigger starts at {@code i}, or -1. */
    private int deniedFrom(List<String> w, int i) {
        if (ADJECTIVE_NEGATORS.contains(w.get(i))) {
            int k = i + 1;
            while (k < w.size() && STATE_FILLERS.contains(w.get(k))) {
                k++;
            }
            return k < w.size() && DENIABLE_STATES.contains(w.get(k)) ? k : -1;
        }
        int j;
        boolean verbal;
        if (i + 2 < w.size() && nominal.contains(w.get(i) + "_" + w.get(i + 1) + "_" + w.get(i + 2))) {
            j = i + 3;
            verbal = false;
        } else if (i + 1 < w.size() && (nominal.contains(w.get(i) + "_" + w.get(i + 1)) || verbal(w.get(i) + "_" + w.get(i + 1)))) {
            verbal = verbal(w.get(i) + "_" + w.get(i + 1));
            j = i + 2;
        } else if (nominal.contains(w.get(i)) || verbal(w.get(i))) {
            verbal = verbal(w.get(i));
            j = i + 1;
        } else {
            return -1;
        }
        j = skipFillers(w, j);
        if (verbal && j < w.size()) {
            if (existence.contains(w.get(j))) {
                while (j < w.size() && (existence.contains(w.get(j)) || fillers.contains(w.get(j)))) {
                    j++;
                }
                if (j < w.size() && (FI_PARTICIPLE.matcher(w.get(j)).matches() || verb.test(w.get(j)) && !nounLike(w.get(j)))) {
                    return -1; // "ei ole herännyt": a negated action in the perfect
                }
            } else if (startsWithAny(w.get(j), SYMPTOM_VERBS)) {
                return j; // "ei kouristele": the symptom itself is denied
            } else if (startsWithAny(w.get(j), REPORT_VERBS)) {
                j = skipFillers(w, j + 1); // "ei puhu itsetuhoisuudesta": what she does not talk of is denied
            } else if (verb.test(w.get(j))) {
                return -1; // "ei saa henkeä", "ei herää": a negated action
            }
        }
        if (j >= w.size() || isBoundary(w.get(j))
                || signsOfLife.contains(w.get(j)) && !(j + 1 < w.size() && SYMPTOM_HEADS.contains(w.get(j + 1)))) {
            return -1;
        }
        return j;
    }

    private static boolean startsWithAny(String word, List<String> prefixes) {
        for (String p : prefixes) {
            if (word.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    /** After "ei ole" Voikko may call a noun's homograph a verb; partitive endings settle it for the denial. */
    private static boolean nounLike(String w) {
        return w.endsWith("ta") || w.endsWith("tä") || w.endsWith("ia") || w.endsWith("iä");
    }

    private boolean verbal(String trigger) {
        return verbal.contains(trigger);
    }

    private int skipFillers(List<String> w, int j) {
        while (j < w.size() && fillers.contains(w.get(j))) {
            j++;
        }
        return j;
    }

    private boolean isBoundary(String w) {
        return PUNCTUATION.contains(w) || boundaries.contains(w) || nominal.contains(w) || verbal.contains(w);
    }
}
