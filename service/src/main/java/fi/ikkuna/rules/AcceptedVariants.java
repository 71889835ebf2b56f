package fi.ikkuna.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;


/**
 * Writes accepted FAQ proposals into {@code faq/accepted-variants.yaml} ({@code extra_variants}, read by the FAQ
 * loader), a file of its own so that accepting never rewrites the hand-edited FAQ files and their comments.
 */
final class AcceptedVariants {
    static final String FILE = "faq/accepted-variants.yaml";

    private AcceptedVariants() {
    }

    /** The file with the proposal appended (once: accepting the same proposal again changes nothing). */
    @SuppressWarnings("unchecked")
    static String append(String existing, FaqProposals.Proposal p) {
        try {
            Map<String, Object> root = existing == null || existing.isBlank() ? new LinkedHashMap<>() : CorrectionCases.YAML.readValue(existing, Map.class);
            List<Map<String, Object>> variants = new ArrayList<>((List<Map<String, Object>>) root.getOrDefault("extra_variants", List.of()));
            String source = "faq-pick-" + p.eventId().substring(0, 8);
            if (variants.stream().noneMatch(v -> source.equals(v.get("source")))) {
                Map<String, Object> v = new LinkedHashMap<>();
                v.put("entry", p.faqId());
                v.put("text", p.text());
                v.put("source", source);
                variants.add(v);
            }
            root.put("extra_variants", variants);
            return "# Residents' questions a professional answered with an FAQ entry, accepted in the workbench as variants of\n"
                    + "# that entry (de-identified). Edit or remove like any other variant.\n"
                    + CorrectionCases.YAML.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
