package fi.ikkuna.triage.rules;

import fi.ikkuna.triage.RuleTriagePipeline;
import fi.ikkuna.triage.TestRules;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link TermMatch} must say exactly what Lucene says when the query runs on the contact's one-document index. */
class TermMatchTest {
    private final RuleTriagePipeline pipeline = TestRules.pipeline();

    @Test
    void booleanSemanticsOnTinyExamples() throws Exception {
        assertSame("fi", "kuume", "Minulla on kuumetta");
        assertSame("fi", "-kuume", "Minulla on kuumetta");
        assertSame("fi", "-kuume", "Minulla on yskää");
        assertSame("fi", "yskä -kuume", "Minulla on yskää ja kuumetta");
        assertSame("fi", "+yskä kuume", "Minulla on yskää");
        assertSame("fi", "\"rinta kipu\"~2", "rinnassa on kova kipu");
        assertSame("fi", "\"rinta kipu\"", "kipu rinnassa");
        assertSame("fi", "rint*", "rintakehää puristaa");
        assertSame("en", "(chest OR heart) AND pain -gym", "chest pain after the gym");
        for (int min = 0; min <= 3; min++) {
            for (String text : List.of("chest pain", "chest pain at rest", "heart", "rest")) {
                BooleanQuery.Builder b = new BooleanQuery.Builder().setMinimumNumberShouldMatch(min);
                for (String w : List.of("chest", "pain", "rest")) {
                    b.add(new TermQuery(new Term(RuleParser.FIELD, w)), BooleanClause.Occur.SHOULD);
                }
                Query optional = b.build();
                assertEquals(lucene("en", optional, text), compiled("en", optional, text), optional + " on " + text);
                Query withRequired = new BooleanQuery.Builder().setMinimumNumberShouldMatch(min)
                        .add(new TermQuery(new Term(RuleParser.FIELD, "heart")), BooleanClause.Occur.SHOULD)
                        .add(new TermQuery(new Term(RuleParser.FIELD, "chest")), BooleanClause.Occur.SHOULD)
                        .add(new TermQuery(new Term(RuleParser.FIELD, "rest")), BooleanClause.Occur.FILTER).build();
                assertEquals(lucene("en", withRequired, text), compiled("en", withRequired, text), withRequired + " on " + text);
            }
        }
    }

    /** Every real rule against every case text of its language, and random queries against random texts. */
    @Test
    void agreesWithLuceneOnRulesCasesAndRandomQueries() throws Exception {
        long seed = Long.getLong("ikkuna.test.seed", new Random().nextLong());
        System.out.println("TermMatchTest seed " + seed);
        Random rnd = new Random(seed);
        int checked = 0;
        for (String lang : List.of("fi", "sv", "en")) {
            List<String> texts = TestRules.caseTexts(lang);
            List<String> words = texts.stream().flatMap(t -> List.of(t.split("[\\s.,!?]+")).stream())
                    .filter(w -> w.length() > 2).distinct().toList();
            for (int i = 0; i < 50; i++) {
                texts.add(salad(words, rnd, 2 + rnd.nextInt(10)));
            }
            List<Query> queries = new ArrayList<>();
            for (Rule r : pipeline.ruleSet().matcher().rules()) {
                if (r.queries().containsKey(lang)) {
                    queries.add(r.queries().get(lang));
                }
            }
            for (int i = 0; i < 150; i++) {
                queries.add(parse(lang, randomQuery(words, rnd)));
            }
            for (String text : texts) {
                for (Query q : queries) {
                    assertEquals(lucene(lang, q, text), compiled(lang, q, text),
                            () -> "seed " + seed + ": query " + q + " on text \"" + text + "\"");
                    checked++;
                }
            }
        }
        System.out.println("TermMatchTest compared " + checked + " query/text pairs");
    }

    private void assertSame(String lang, String query, String text) throws ParseException, IOException {
        Query q = parse(lang, query);
        assertEquals(lucene(lang, q, text), compiled(lang, q, text), query + " on " + text);
    }

    private Query parse(String lang, String query) throws ParseException {
        QueryParser parser = new QueryParser(RuleParser.FIELD, pipeline.ruleSet().analysis().query().get(lang));
        parser.setAllowLeadingWildcard(true);
        return parser.parse(query);
    }

    private MemoryIndex index(String lang, String text) {
        Analyzer analyzer = pipeline.ruleSet().analysis().index().get(lang);
        MemoryIndex index = new MemoryIndex();
        index.addField(RuleParser.FIELD, text, analyzer);
        return index;
    }

    private boolean lucene(String lang, Query q, String text) throws IOException {
        IndexSearcher searcher = index(lang, text).createSearcher();
        return searcher.count(q) > 0;
    }

    private boolean compiled(String lang, Query q, String text) {
        return TermMatch.compile(q).matches(new RuleMatcher.ContactIndex(index(lang, text)));
    }

    private static String salad(List<String> words, Random rnd, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : " ").append(words.get(rnd.nextInt(words.size())));
        }
        return sb.toString();
    }

    /** Nested boolean queries with negations, phrases (sloppy or not), prefixes and minimum-should-match. */
    private static String randomQuery(List<String> words, Random rnd) {
        return clause(words, rnd, 0);
    }

    private static String clause(List<String> words, Random rnd, int depth) {
        String w = words.get(rnd.nextInt(words.size())).toLowerCase().replaceAll("[^\\p{L}]", "");
        if (w.length() < 2) {
            w = "kipu";
        }
        return switch (depth > 2 ? 0 : rnd.nextInt(7)) {
            case 0, 1 -> w;
            case 2 -> w.substring(0, Math.min(w.length(), 3 + rnd.nextInt(3))) + "*";
            case 3 -> "\"" + w + " " + words.get(rnd.nextInt(words.size())).toLowerCase().replaceAll("[^\\p{L}]", "x")
                    + "\"" + (rnd.nextBoolean() ? "~" + rnd.nextInt(4) : "");
            case 4 -> "(" + clause(words, rnd, depth + 1) + " OR " + clause(words, rnd, depth + 1) + ")";
            case 5 -> "(" + clause(words, rnd, depth + 1) + " AND " + clause(words, rnd, depth + 1) + ")";
            default -> "(" + clause(words, rnd, depth + 1) + " -" + clause(words, rnd, depth + 1)
                    + (rnd.nextBoolean() ? " +" + clause(words, rnd, depth + 1) : "") + ")";
        };
    }
}
