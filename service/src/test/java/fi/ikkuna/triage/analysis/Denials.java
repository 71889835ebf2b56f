package fi.ikkuna.triage.analysis;

/** The three languages' negation as the service builds them (Finnish with Voikko), and a whitespace squash for asserts. */
final class Denials {
    static final Negation FI = Negation.finnish(w -> VoikkoMorphology.shared().orElseThrow(
            () -> new AssertionError("libvoikko is required (apt-get install libvoikko1 voikko-fi)")).analyze(w).verb());
    static final Negation SV = Negation.swedish();
    static final Negation EN = Negation.english();

    private Denials() {
    }

    static String squash(String s) {
        return s.trim().replaceAll("\\s+", " ");
    }
}
