package fi.ikkuna.triage.analysis;

import java.util.List;

/**
 * What the Finnish morphology says about one word form.
 *
 * @param baseForms distinct base forms (several when the form is ambiguous: "kuusi" = six or spruce)
 * @param parts     base forms of compound parts and of adjacent part pairs ("hammas", "lääkäri", "aika",
 *                  "hammaslääkäri", "lääkäriaika"), empty for simple words
 * @param verb      some reading is a verb or a participle ("saa", "herää", "herännyt"); negation needs it
 * @param classes   Voikko's word class of each distinct reading ("nimisana", "etunimi", "sukunimi", "paikannimi", ...);
 *                  de-identification needs to know which words are personal names
 */
public record Morphology(List<String> baseForms, List<String> parts, boolean verb, List<String> classes) {
    public static final Morphology UNKNOWN = new Morphology(List.of(), List.of(), false, List.of());
}
