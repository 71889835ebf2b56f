package fi.ikkuna.triage.rules;

import fi.ikkuna.triage.Channel;
import fi.ikkuna.triage.Urgency;
import fi.ikkuna.triage.load.Vocabulary;
import fi.ikkuna.triage.load.YamlNode;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.Query;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns one rules/*.yaml file into {@link Rule}s, rejecting anything outside the schema in triage-rules/README.md. */
public final class RuleParser {
    public static final String FIELD = "text";
    private static final Pattern PHRASE = Pattern.compile("\"([^\"]*)\"");

    private final Vocabulary vocabulary;
    private final Map<String, Analyzer> queryAnalyzers;

    /**
     * Bounds on one rule set, so a draft cannot exhaust the heap: every wildcard, prefix or regular-expression
     * clause compiles to an automaton held while the set is active (a draft of thousands of leading wildcards
     * pinned gigabytes), and every clause costs matching time. The county's rules use ~300 patterns and ~5,000
     * clauses; the benchmark's generated set ~1,100 patterns.
     */
    public static final int MAX_PATTERNS = 5_000;
    public static final int MAX_CLAUSES = 100_000;
    private int patterns;
    private int clauses;

    public RuleParser(Vocabulary vocabulary, Map<String, Analyzer> queryAnalyzers) {
        this.vocabulary = vocabulary;
        this.queryAnalyzers = queryAnalyzers;
    }

    public List<Rule> parse(YamlNode root, Path rulesDir) {
        root.checkKeys("rules");
        List<Rule> out = new ArrayList<>();
        for (YamlNode r : root.get("rules").list()) {
            out.add(rule(r, rulesDir));
        }
        return out;
    }

    private Rule rule(YamlNode r, Path rulesDir) {
        r.checkKeys("id", "kind", "description", "match", "when", "urgency", "service", "queue", "instruction", "priority");
        String id = r.str("id");
        String kind = r.optStr("kind").orElse("routing");
        if (!kind.equals("safety") && !kind.equals("routing")) {
            throw r.get("kind").error("kind must be safety or routing, got '" + kind + "'");
        }
        boolean safety = kind.equals("safety");
        Urgency urgency = r.opt("urgency").map(vocabulary::checkUrgency).orElse(null);
        String service = r.opt("service").map(vocabulary::checkService).orElse(null);
        String queue = r.opt("queue").map(vocabulary::checkQueue).orElse(null);
        Map<String, String> instruction = new HashMap<>();
        r.opt("instruction").ifPresent(i -> i.map().forEach((lang, text) ->
                instruction.put(Vocabulary.checkLanguage(lang, text), text.text().trim())));
        if (safety && (urgency != Urgency.EMERGENCY || service == null || instruction.isEmpty())) {
            throw r.error("safety rule '" + id + "' needs urgency: emergency, a service and an instruction");
        }
        if (!safety && urgency == null && service == null && queue == null) {
            throw r.error("routing rule '" + id + "' sets none of urgency, service, queue");
        }
        Map<String, Query> queries = new HashMap<>();
        r.opt("match").ifPresent(m -> m.map().forEach((lang, q) -> queries.put(Vocabulary.checkLanguage(lang, q), query(q, lang))));
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        Integer[] age = {null, null};
        List<String> forms = new ArrayList<>();
        r.opt("when").ifPresent(w -> {
            w.checkKeys("channel", "age", "form_type");
            w.opt("channel").ifPresent(c -> (c.isList() ? c.list() : List.of(c)).forEach(x -> channels.add(Vocabulary.checkChannel(x))));
            w.opt("age").ifPresent(a -> parseAge(a, age));
            forms.addAll(w.strings("form_type"));
        });
        if (queries.isEmpty() && channels.isEmpty() && age[0] == null && age[1] == null && forms.isEmpty()) {
            throw r.error("rule '" + id + "' has neither match nor when conditions: it would fire on every contact");
        }
        String source = rulesDir.relativize(r.file()) + ":" + r.line();
        return new Rule(id, safety, r.optStr("description").orElse(""), Map.copyOf(queries), Set.copyOf(channels),
                age[0], age[1], Set.copyOf(forms), urgency, service, queue, Map.copyOf(instruction),
                r.optInt("priority").orElse(safety ? 100 : 0), source);
    }

    private Query query(YamlNode q, String lang) {
        checkPhrases(q, lang);
        QueryParser parser = new QueryParser(FIELD, queryAnalyzers.get(lang));
        parser.setDefaultOperator(QueryParser.Operator.OR);
        parser.setAllowLeadingWildcard(true);
        Query parsed;
        try {
            parsed = parser.parse(q.text());
        } catch (ParseException | RuntimeException e) {
            String msg = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            throw q.error("bad " + lang + " query: " + msg);
        }
        parsed.visit(new org.apache.lucene.search.QueryVisitor() {
            @Override
            public void visitLeaf(Query leaf) {
                clauses++;
            }

            @Override
            public void consumeTerms(Query query, org.apache.lucene.index.Term... terms) {
                clauses += terms.length;
            }

            @Override
            public void consumeTermsMatching(Query query, String field, java.util.function.Supplier<org.apache.lucene.util.automaton.ByteRunAutomaton> automaton) {
                clauses++;
                patterns++;
            }

            @Override
            public org.apache.lucene.search.QueryVisitor getSubVisitor(org.apache.lucene.search.BooleanClause.Occur occur, Query parent) {
                return this;
            }
        });
        if (patterns > MAX_PATTERNS) {
            throw q.error("the rule set has more than " + MAX_PATTERNS + " wildcard/prefix patterns (each is an automaton kept in"
                    + " memory); write base forms instead of patterns");
        }
        if (clauses > MAX_CLAUSES) {
            throw q.error("the rule set has more than " + MAX_CLAUSES + " query clauses; split or simplify the rules");
        }
        return parsed;
    }

    /**
     * Stop words inside a quoted phrase vanish; when that leaves a single word ("kun painaa" becomes "painaa")
     * the rule is silently much wider than written, so it is rejected.
     */
    private void checkPhrases(YamlNode q, String lang) {
        Matcher m = PHRASE.matcher(q.text());
        while (m.find()) {
            String[] words = m.group(1).trim().split("\\s+");
            List<String> stop = new ArrayList<>();
            for (String word : words) {
                if (RuleMatcher.terms(queryAnalyzers.get(lang), word).isEmpty()) {
                    stop.add(word);
                }
            }
            if (words.length >= 2 && words.length - stop.size() < 2) {
                throw q.error("bad " + lang + " query: in the phrase \"" + m.group(1) + "\" the stop word(s) " + stop
                        + " are ignored, leaving a single word; rephrase it");
            }
        }
    }

    /** "18-64", "0-22", "65-" or "-17". */
    private static void parseAge(YamlNode a, Integer[] out) {
        String[] parts = a.text().trim().split("-", -1);
        try {
            if (parts.length != 2) {
                throw new NumberFormatException();
            }
            out[0] = parts[0].isBlank() ? null : Integer.parseInt(parts[0].trim());
            out[1] = parts[1].isBlank() ? null : Integer.parseInt(parts[1].trim());
        } catch (NumberFormatException e) {
            throw a.error("age must be a range like 0-17, 65- or -22, got '" + a.text() + "'");
        }
    }
}
