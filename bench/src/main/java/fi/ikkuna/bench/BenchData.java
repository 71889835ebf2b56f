package fi.ikkuna.bench;

import fi.ikkuna.triage.RuleTriagePipeline;
import fi.ikkuna.triage.rules.RuleMatcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Builds a large rule directory for the benchmark: the real queues, settings, deadlines and rules, plus generated
 * FAQ entries and routing rules whose words come from the real FAQ vocabulary (so presearch hit rates resemble
 * real traffic rather than random strings that never match).
 */
final class BenchData {
    private static final String[] SERVICES = {"health", "dental", "mental_health", "substance_use", "child_family",
            "social", "elderly", "disability", "rescue", "general"};

    private BenchData() {
    }

    static Path generate(Path realRules, Path target, int faqEntries, int ruleCount, long seed) throws IOException {
        Random rnd = new Random(seed);
        RuleTriagePipeline real = RuleTriagePipeline.load(realRules, ZoneId.of("Europe/Helsinki"));
        List<String> sentences = new ArrayList<>();
        Set<String> words = new LinkedHashSet<>();
        for (var c : real.cases()) {
            if (c.contact().language().equals("fi")) {
                sentences.add(c.contact().text());
                words.addAll(RuleMatcher.terms(real.ruleSet().analysis().index().get("fi"), c.contact().text()));
            }
        }
        List<String> vocab = words.stream().filter(w -> w.length() > 3 && w.chars().allMatch(Character::isLetter)).toList();
        Files.createDirectories(target.resolve("rules"));
        Files.createDirectories(target.resolve("faq"));
        for (String f : List.of("queues.yaml", "settings.yaml", "deadlines.yaml")) {
            Files.copy(realRules.resolve(f), target.resolve(f));
        }
        try (var files = Files.list(realRules.resolve("rules"))) {
            for (Path f : files.toList()) {
                Files.copy(f, target.resolve("rules").resolve(f.getFileName()));
            }
        }
        StringBuilder faq = new StringBuilder("entries:\n");
        for (int i = 0; i < faqEntries; i++) {
            faq.append("  - id: gen-fi-").append(i).append("\n    lang: fi\n    service: ")
                    .append(SERVICES[rnd.nextInt(SERVICES.length)]).append("\n    question: \"")
                    .append(phrase(vocab, rnd, 4 + rnd.nextInt(5))).append("?\"\n    variants:\n");
            for (int v = 0; v < 3; v++) {
                faq.append("      - \"").append(phrase(vocab, rnd, 3 + rnd.nextInt(4))).append("\"\n");
            }
            faq.append("    answer: \"").append(phrase(vocab, rnd, 25)).append(".\"\n");
        }
        Files.writeString(target.resolve("faq/generated.yaml"), faq);
        StringBuilder rules = new StringBuilder("rules:\n");
        for (int i = 0; i < ruleCount; i++) {
            String q = "(" + pick(vocab, rnd) + " OR " + pick(vocab, rnd) + ") AND " + pick(vocab, rnd)
                    + (rnd.nextInt(4) == 0 ? " -" + pick(vocab, rnd) : "")
                    + (rnd.nextInt(10) == 0 ? " OR " + pick(vocab, rnd).substring(0, 4) + "*" : "");
            rules.append("  - id: gen-rule-").append(i).append("\n    priority: ").append(1 + rnd.nextInt(99))
                    .append("\n    match:\n      fi: '").append(q).append("'\n    service: ")
                    .append(SERVICES[rnd.nextInt(SERVICES.length)]).append('\n');
        }
        Files.writeString(target.resolve("rules/90-generated.yaml"), rules);
        return target;
    }

    static List<String> sampleTexts(Path realRules) {
        RuleTriagePipeline real = RuleTriagePipeline.load(realRules, ZoneId.of("Europe/Helsinki"));
        return real.cases().stream().filter(c -> c.contact().language().equals("fi")).map(c -> c.contact().text()).toList();
    }

    private static String pick(List<String> vocab, Random rnd) {
        return vocab.get(rnd.nextInt(vocab.size()));
    }

    private static String phrase(List<String> vocab, Random rnd, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : " ").append(pick(vocab, rnd));
        }
        return sb.toString();
    }

    static int faqSize(RuleTriagePipeline p) {
        return p.ruleSet().faq().size();
    }

    static int ruleCount(RuleTriagePipeline p) {
        return p.ruleSet().matcher().rules().size();
    }
}
