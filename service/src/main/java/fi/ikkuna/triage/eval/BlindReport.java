package fi.ikkuna.triage.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.ikkuna.triage.CaseDefinition;
import fi.ikkuna.triage.Channel;
import fi.ikkuna.triage.Contact;
import fi.ikkuna.triage.TriageOutcome;
import fi.ikkuna.triage.TriagePipeline;

/**
 * Figures of one blind case file (cases written by someone who never saw the rules): per language and in all,
 * emergency recall, false emergencies among non-emergencies and among self-care, urgency and service accuracy
 * and the urgency confusion matrix. Misses are kept by id only, so a locked file's texts are never printed.
 */
public final class BlindReport {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> LEVELS = List.of("emergency", "urgent", "non_urgent", "self_care");

    /** Counters for one language (or "all"). */
    public static final class Figures {
        final int[][] confusion = new int[4][4];
        int services;
        int servicesOk;

        public int emergencies() {
            return rowSum(0);
        }

        public int emergenciesFound() {
            return confusion[0][0];
        }

        public int nonEmergencies() {
            return rowSum(1) + rowSum(2) + rowSum(3);
        }

        public int falseEmergencies() {
            return confusion[1][0] + confusion[2][0] + confusion[3][0];
        }

        public int selfCareFalseEmergencies() {
            return confusion[3][0];
        }

        public int total() {
            return emergencies() + nonEmergencies();
        }

        public int urgencyOk() {
            return confusion[0][0] + confusion[1][1] + confusion[2][2] + confusion[3][3];
        }

        public double emergencyRecall() {
            return emergencies() == 0 ? 1.0 : (double) emergenciesFound() / emergencies();
        }

        private int rowSum(int r) {
            int s = 0;
            for (int c : confusion[r]) {
                s += c;
            }
            return s;
        }
    }

    private final Map<String, Figures> byLanguage = new LinkedHashMap<>();
    private final List<String> misses = new ArrayList<>();

    private BlindReport() {
    }

    /** Triages every row of a JSONL file ({@code id, language, channel, text, urgency, service, age?}). */
    public static BlindReport run(TriagePipeline pipeline, Path file) {
        BlindReport report = new BlindReport();
        for (JsonNode row : rows(file)) {
            Contact c = new Contact(row.get("text").asText(), row.get("language").asText(),
                    Channel.fromWire(row.path("channel").asText("chat")),
                    row.hasNonNull("age") ? row.get("age").asInt() : null, null, CaseDefinition.DEFAULT_AT);
            report.add(row.get("id").asText(), c.language(), row.get("urgency").asText(), row.get("service").asText(),
                    pipeline.triage(c));
        }
        return report;
    }

    /** Triages labelled cases (the tuning half lives in the rules directory's training/ folder). */
    public static BlindReport run(TriagePipeline pipeline, List<CaseDefinition> cases) {
        BlindReport report = new BlindReport();
        for (CaseDefinition c : cases) {
            report.add(c.id(), c.contact().language(), c.expectUrgency().wire(), c.expectService(), pipeline.triage(c.contact()));
        }
        return report;
    }

    private void add(String id, String language, String expectedUrgency, String expectedService, TriageOutcome o) {
        int expected = LEVELS.indexOf(expectedUrgency);
        int actual = LEVELS.indexOf(o.urgency().wire());
        boolean serviceOk = expectedService.equals(o.service());
        for (String key : List.of(language, "all")) {
            Figures f = byLanguage.computeIfAbsent(key, k -> new Figures());
            f.confusion[expected][actual]++;
            f.services++;
            f.servicesOk += serviceOk ? 1 : 0;
        }
        if (expected != actual || !serviceOk) {
            misses.add(id + " " + LEVELS.get(expected) + "/" + expectedService + " -> " + o.urgency().wire() + "/" + o.service());
        }
    }

    public Figures figures(String language) {
        return byLanguage.getOrDefault(language, new Figures());
    }

    /** Ids with expected → actual urgency/service; never the text. */
    public List<String> misses() {
        return misses;
    }

    /** A Markdown table: one row per language and one for all. */
    public String table() {
        StringBuilder b = new StringBuilder("| language | cases | emergency recall | false emergencies (non-emergency) "
                + "| false emergencies (self-care) | urgency | service |\n|---|---|---|---|---|---|---|\n");
        byLanguage.forEach((lang, f) -> b.append(String.format("| %s | %d | %s | %s | %d | %s | %s |%n", lang, f.total(),
                Metrics.pct(f.emergenciesFound(), f.emergencies()), Metrics.pct(f.falseEmergencies(), f.nonEmergencies()),
                f.selfCareFalseEmergencies(), Metrics.pct(f.urgencyOk(), f.total()), Metrics.pct(f.servicesOk, f.services))));
        Figures all = figures("all");
        b.append("\nurgency confusion (rows expected, columns got: emergency, urgent, non_urgent, self_care)\n");
        for (int r = 0; r < 4; r++) {
            b.append(String.format("  %-10s %4d %4d %4d %4d%n", LEVELS.get(r), all.confusion[r][0], all.confusion[r][1],
                    all.confusion[r][2], all.confusion[r][3]));
        }
        return b.toString();
    }

    private static List<JsonNode> rows(Path file) {
        try {
            List<JsonNode> out = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank()) {
                    out.add(JSON.readTree(line));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
