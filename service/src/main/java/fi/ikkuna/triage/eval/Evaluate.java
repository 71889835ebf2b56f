package fi.ikkuna.triage.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.ikkuna.triage.CaseDefinition;
import fi.ikkuna.triage.Channel;
import fi.ikkuna.triage.Contact;
import fi.ikkuna.triage.RuleTriagePipeline;
import fi.ikkuna.triage.TriageOutcome;
import fi.ikkuna.triage.TriageOutcome.FaqHit;
import fi.ikkuna.triage.analysis.AnalysisVariant;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints the quality figures of docs/triage.md: on the dev set emergency recall, urgency and service accuracy;
 * on the Semigran vignettes urgency accuracy; on the labelled cases urgency/service accuracy and FAQ top-1 and
 * MRR@5. Arguments: [rulesDir] [evalDir] [--all-variants] [--misses].
 */
public final class Evaluate {
    private static final ZoneId ZONE = ZoneId.of("Europe/Helsinki");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Evaluate() {
    }

    public static void main(String[] args) throws IOException {
        List<String> rest = new ArrayList<>(List.of(args));
        boolean all = rest.remove("--all-variants");
        boolean misses = rest.remove("--misses");
        Path rules = Path.of(rest.size() > 0 ? rest.get(0) : "triage-rules");
        Path eval = Path.of(rest.size() > 1 ? rest.get(1) : "../shared/eval");
        List<AnalysisVariant> variants = all ? List.of(AnalysisVariant.values()) : java.util.Collections.singletonList(null);
        System.out.println("| Finnish analysis | dev emergency recall | dev urgency | dev service | Semigran urgency | Semigran emergent recall"
                + " | cases urgency | cases service | FAQ top-1 | FAQ MRR@5 |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        for (AnalysisVariant v : variants) {
            RuleTriagePipeline p = RuleTriagePipeline.load(rules, ZONE, v);
            Metrics dev = dev(p, eval.resolve("triage-dev.jsonl"));
            Metrics semigran = semigran(p, eval.resolve("semigran2015_en.jsonl"));
            Metrics cases = cases(p);
            System.out.printf("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
                    p.ruleSet().analysis().finnish().name().toLowerCase(), dev.emergencyRecall(), dev.urgencyAccuracy(),
                    dev.serviceAccuracy(), semigran.urgencyAccuracy(), semigran.emergencyRecall(), cases.urgencyAccuracy(), cases.serviceAccuracy(),
                    cases.faqTop1(), cases.mrr());
            System.out.println("  latency per contact (" + p.ruleSet().analysis().finnish().name().toLowerCase() + "): "
                    + latency(p));
            if (misses) {
                dev.misses.forEach(m -> System.out.println("  dev  " + m));
                semigran.misses.forEach(m -> System.out.println("  semigran " + m));
                cases.misses.forEach(m -> System.out.println("  case " + m));
            }
        }
    }

    /** p50/p99 of one triage call over all case texts, after a warm-up pass; a rough figure, not a benchmark. */
    static String latency(RuleTriagePipeline p) {
        List<Contact> contacts = p.cases().stream().map(CaseDefinition::contact).toList();
        for (int i = 0; i < 20; i++) {
            contacts.forEach(p::triage);
        }
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            for (Contact c : contacts) {
                long t0 = System.nanoTime();
                p.triage(c);
                nanos.add(System.nanoTime() - t0);
            }
        }
        nanos.sort(null);
        return String.format("p50 %.0f µs, p99 %.0f µs over %d calls", nanos.get(nanos.size() / 2) / 1e3,
                nanos.get(nanos.size() * 99 / 100) / 1e3, nanos.size());
    }

    static Metrics dev(RuleTriagePipeline p, Path file) throws IOException {
        Metrics m = new Metrics();
        for (JsonNode row : rows(file)) {
            TriageOutcome o = p.triage(contact(row.get("text").asText(), row.get("language").asText(),
                    row.path("channel").asText("chat")));
            m.urgency(row.get("id").asText(), row.get("urgency").asText(), o.urgency().wire());
            m.service(row.get("id").asText(), row.get("service").asText(), o.service());
        }
        return m;
    }

    /** Semigran's non-emergent maps to urgent or non_urgent, so either counts as correct. */
    static Metrics semigran(RuleTriagePipeline p, Path file) throws IOException {
        Metrics m = new Metrics();
        if (!Files.exists(file)) {
            return m;
        }
        for (JsonNode row : rows(file)) {
            TriageOutcome o = p.triage(contact(row.get("text").asText(), "en", "chat"));
            String gold = switch (row.get("gold_triage").asText()) {
                case "emergent" -> "emergency";
                case "self-care" -> "self_care";
                default -> o.urgency().wire().equals("urgent") ? "urgent" : "non_urgent";
            };
            m.urgency(row.get("id").asText(), gold, o.urgency().wire());
        }
        return m;
    }

    static Metrics cases(RuleTriagePipeline p) {
        Metrics m = new Metrics();
        for (CaseDefinition c : p.cases()) {
            TriageOutcome o = p.triage(c.contact());
            if (c.expectUrgency() != null) {
                m.urgency(c.id(), c.expectUrgency().wire(), o.urgency().wire());
            }
            if (c.expectService() != null) {
                m.service(c.id(), c.expectService(), o.service());
            }
            if (c.expectFaq() != null) {
                List<String> ids = o.faq().stream().map(FaqHit::id).toList();
                m.faq(c.id(), c.expectFaq(), ids.indexOf(c.expectFaq()) + 1, ids.isEmpty() ? "none" : ids.getFirst());
            }
        }
        return m;
    }

    private static Contact contact(String text, String lang, String channel) {
        return new Contact(text, lang, Channel.fromWire(channel), null, null, CaseDefinition.DEFAULT_AT);
    }

    private static List<JsonNode> rows(Path file) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                out.add(JSON.readTree(line));
            }
        }
        return out;
    }
}
