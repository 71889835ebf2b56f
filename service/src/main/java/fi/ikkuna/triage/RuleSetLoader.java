package fi.ikkuna.triage;

import fi.ikkuna.triage.analysis.AnalysisVariant;
import fi.ikkuna.triage.analysis.LanguageAnalysis;
import fi.ikkuna.triage.calendar.DeadlinePolicy;
import fi.ikkuna.triage.calendar.OpeningHours;
import fi.ikkuna.triage.faq.FaqEntry;
import fi.ikkuna.triage.faq.FaqIndex;
import fi.ikkuna.triage.load.Settings;
import fi.ikkuna.triage.load.Vocabulary;
import fi.ikkuna.triage.load.YamlNode;
import fi.ikkuna.triage.load.YamlReader;
import fi.ikkuna.triage.rules.Rule;
import fi.ikkuna.triage.classify.EmergencyClassifier;
import fi.ikkuna.triage.rules.RuleMatcher;
import fi.ikkuna.triage.rules.RuleParser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Reads a whole triage-rules/ directory into a {@link RuleSet}; any error aborts the whole load. */
public final class RuleSetLoader {
    private static final Vocabulary SERVICE_CHECK = new Vocabulary(java.util.Set.of());
    private final Path dir;
    private final ZoneId zone;
    private final AnalysisVariant forcedVariant;

    /** @param forcedVariant Finnish analysis to use instead of settings.yaml's (the evaluation compares them), or null */
    public RuleSetLoader(Path dir, ZoneId zone, AnalysisVariant forcedVariant) {
        this.dir = dir;
        this.zone = zone;
        this.forcedVariant = forcedVariant;
    }

    public RuleSet load() {
        Map<String, QueueDefinition> queues = queues(YamlReader.read(dir.resolve("queues.yaml")));
        Vocabulary vocabulary = new Vocabulary(queues.keySet());
        Settings settings = Settings.parse(YamlReader.read(dir.resolve("settings.yaml")), vocabulary);
        LanguageAnalysis analysis = LanguageAnalysis.create(forcedVariant != null ? forcedVariant : settings.finnish(),
                settings.synonyms());
        RuleParser parser = new RuleParser(vocabulary, analysis.query());
        List<Rule> rules = new ArrayList<>();
        Map<String, String> ruleIds = new HashMap<>();
        for (Path f : yamlFiles("rules")) {
            for (Rule r : parser.parse(YamlReader.read(f), dir)) {
                String earlier = ruleIds.putIfAbsent(r.id(), r.source());
                if (earlier != null) {
                    throw new RuleLoadException(f, Integer.parseInt(r.source().substring(r.source().lastIndexOf(':') + 1)),
                            "duplicate rule id '" + r.id() + "' (first at " + earlier + ")");
                }
                rules.add(r);
            }
        }
        List<FaqEntry> faq = new ArrayList<>();
        Map<String, YamlNode> faqIds = new HashMap<>();
        Map<String, List<YamlNode>> extraVariants = new HashMap<>();
        for (Path f : yamlFiles("faq")) {
            YamlNode root = YamlReader.read(f);
            faq.addAll(FaqEntry.parse(root, vocabulary, faqIds));
            FaqEntry.parseExtraVariants(root, extraVariants);
        }
        faq = FaqEntry.withExtraVariants(faq, extraVariants);
        DeadlinePolicy deadlines = DeadlinePolicy.parse(YamlReader.read(dir.resolve("deadlines.yaml")), vocabulary, zone, dir);
        List<CaseDefinition> cases = new ArrayList<>();
        Map<String, YamlNode> caseIds = new HashMap<>();
        for (Path f : yamlFiles("cases")) {
            cases.addAll(CaseDefinition.parse(YamlReader.read(f), vocabulary, zone, dir.relativize(f).toString(), caseIds));
        }
        List<CaseDefinition> training = new ArrayList<>();
        for (Path f : yamlFiles("training")) {
            training.addAll(CaseDefinition.parse(YamlReader.read(f), vocabulary, zone, dir.relativize(f).toString(), caseIds));
        }
        List<CaseDefinition> learnFrom = new ArrayList<>(cases);
        learnFrom.addAll(training);
        Map<String, String> defaults = new LinkedHashMap<>();
        queues.values().forEach(q -> defaults.putIfAbsent(q.service(), q.id()));
        return new RuleSet(java.util.Collections.unmodifiableMap(queues), Map.copyOf(defaults), settings, analysis,
                new RuleMatcher(rules, analysis.index(), analysis.negation()), new FaqIndex(faq, analysis.index(), settings.fieldBoosts()),
                deadlines, List.copyOf(cases), List.copyOf(training), settings.secondOpinion() == null ? null
                        : EmergencyClassifier.train(learnFrom, analysis, settings.secondOpinion().threshold()));
    }

    private Map<String, QueueDefinition> queues(YamlNode root) {
        root.checkKeys("queues");
        Map<String, QueueDefinition> out = new LinkedHashMap<>();
        for (YamlNode q : root.get("queues").list()) {
            q.checkKeys("id", "service", "names", "hours", "holidays", "exceptions");
            String id = q.str("id");
            if (out.containsKey(id)) {
                throw q.get("id").error("duplicate queue id '" + id + "'");
            }
            Map<String, String> names = new HashMap<>();
            q.get("names").map().forEach((lang, n) -> names.put(Vocabulary.checkLanguage(lang, n), n.text()));
            for (String lang : Vocabulary.LANGUAGES) {
                if (!names.containsKey(lang)) {
                    throw q.get("names").error("queue '" + id + "' needs a name in " + lang);
                }
            }
            out.put(id, new QueueDefinition(id, SERVICE_CHECK.checkService(q.get("service")),
                    Map.copyOf(names), OpeningHours.parse(q)));
        }
        if (out.isEmpty()) {
            throw root.error("queues.yaml defines no queues");
        }
        return out;
    }

    /** Sorted so rule order, and with it every tie-break, is the same on every machine. */
    private List<Path> yamlFiles(String sub) {
        Path d = dir.resolve(sub);
        if (!Files.isDirectory(d)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(d)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".yaml") || p.getFileName().toString().endsWith(".yml"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new RuleLoadException(d, 0, "cannot list directory: " + e.getMessage(), e);
        }
    }
}
