package fi.ikkuna.triage.analysis;

import java.util.List;

/**
 * What the Finnish morphology says about one word form.
 *
 * @param baseForms distinct base forms (several when the form is ambiguous: "kuusi" = six or spruce)
 * @param parts     base forms of compound parts and of adjacent part pairs ("hammas", "lääkäri", "aika",
 *                  "hammaslääkäri", "lääkäriaika"), empty for simple words
 * @param verb      some reading is a verb or a participle ("saa", "herää", "herännyt"); negation needs it
 */
public record Morphology(List<String> baseForms, List<String> parts, boolean verb) {
    public static final Morphology UNKNOWN = new Morphology(List.of(), List.of(), false);
}
