package fi.ikkuna.triage.analysis;

import java.util.List;

/**
 * What the Finnish morphology says about one word form.
 *
 * @param baseForms distinct base forms (several when the form is ambiguous: "kuusi" = six or spruce)
 * @param parts     base forms of compound parts and of adjacent part pairs ("hammas", "lääkäri", "aika",
 *                  "hammaslääkäri", "lääkäriaika"), empty for simple words
 */
public record Morphology(List<String> baseForms, List<String> parts) {
    public static final Morphology UNKNOWN = new Morphology(List.of(), List.of());
}
