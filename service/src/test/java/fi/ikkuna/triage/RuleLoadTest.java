package fi.ikkuna.triage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RuleLoadTest {
    private static final String GOOD_RULE = """
            rules:
              - id: test-only-rule
                description: "matches the made-up word zyxxy"
                match:
                  fi: zyxxy
                urgency: urgent
                service: dental
            """;

    private static Contact fi(String text) {
        return new Contact(text, "fi", Channel.CHAT, 40, null, ZonedDateTime.parse("2026-11-23T09:15:00+02:00"));
    }

    private static RuleLoadException loadFails(Path dir) {
        return assertThrows(RuleLoadException.class, () -> RuleTriagePipeline.load(dir, TestRules.HELSINKI));
    }

    @Test
    void badYamlSyntaxNamesFileAndLine(@TempDir Path tmp) throws IOException {
        Path dir = TestRules.copyTo(tmp.resolve("r"));
        Files.writeString(dir.resolve("rules/99-broken.yaml"), "rules:\n  - id: x\n    match: {fi: 'a'\n    urgency: urgent\n");
        RuleLoadException e = loadFails(dir);
        assertTrue(e.getMessage().startsWith("99-broken.yaml:"), e.getMessage());
        assertTrue(e.line() >= 3, "line " + e.line());
    }

    @Test
    void unknownQueueIsRejectedWithItsLine(@TempDir Path tmp) throws IOException {
        Path dir = TestRules.copyTo(tmp.resolve("r"));
        Files.writeString(dir.resolve("rules/99-queue.yaml"), GOOD_RULE + "    queue: no-such-queue\n");
        RuleLoadException e = loadFails(dir);
        assertEquals("99-queue.yaml:8: unknown queue 'no-such-queue' (not defined in queues.yaml)", e.getMessage());
    }

    @Test
    void badQuerySyntaxIsRejectedWithItsLine(@TempDir Path tmp) throws IOException {
        Path dir = TestRules.copyTo(tmp.resolve("r"));
        Files.writeString(dir.resolve("rules/99-query.yaml"), GOOD_RULE.replace("fi: zyxxy", "fi: '(zyxxy AND'"));
        RuleLoadException e = loadFails(dir);
        assertTrue(e.getMessage().startsWith("99-query.yaml:5: bad fi query:"), e.getMessage());
    }

    @Test
    void unknownKeyIsRejected(@TempDir Path tmp) throws IOException {
        Path dir = TestRules.copyTo(tmp.resolve("r"));
        Files.writeString(dir.resolve("rules/99-key.yaml"), GOOD_RULE + "    urgncy: urgent\n");
        assertTrue(loadFails(dir).getMessage().contains("unknown key 'urgncy'"));
    }

    @Test
    void failedReloadKeepsThePreviousRuleSet(@TempDir Path tmp) throws IOException {
        Path dir = TestRules.copyTo(tmp.resolve("r"));
        Files.writeString(dir.resolve("rules/99-test.yaml"), GOOD_RULE);
        RuleTriagePipeline p = RuleTriagePipeline.load(dir, TestRules.HELSINKI);
        assertEquals("dental", p.triage(fi("zyxxy")).service());

        Files.writeString(dir.resolve("rules/99-test.yaml"), GOOD_RULE.replace("service: dental", "service: dentl"));
        RuleLoadException e = assertThrows(RuleLoadException.class, p::reload);
        assertTrue(e.getMessage().startsWith("99-test.yaml:7: unknown service 'dentl'"), e.getMessage());
        assertEquals("dental", p.triage(fi("zyxxy")).service(), "previous rule set must stay active");

        Files.writeString(dir.resolve("rules/99-test.yaml"), GOOD_RULE.replace("service: dental", "service: social"));
        p.reload();
        assertEquals("social", p.triage(fi("zyxxy")).service(), "a valid reload swaps in the new rules");
    }

    @Test
    void duplicateFaqIdNamesBothPlaces(@TempDir Path tmp) throws IOException {
        Path dir = TestRules.copyTo(tmp.resolve("r"));
        Files.writeString(dir.resolve("faq/zz-dup.yaml"), """
                entries:
                  - id: zz-one
                    lang: fi
                    service: general
                    question: "Kysymys?"
                    answer: "Vastaus."
                  - id: zz-one
                    lang: fi
                    service: general
                    question: "Toinen?"
                    answer: "Vastaus."
                """);
        RuleLoadException e = loadFails(dir);
        assertEquals("zz-dup.yaml:7: duplicate FAQ id 'zz-one' (first at zz-dup.yaml:2)", e.getMessage());
    }

    /** Accepted FAQ proposals live in their own file as extra_variants: they must name an entry that exists. */
    @Test
    void extraVariantsJoinTheirEntryOrFailWithTheirLine(@TempDir Path tmp) throws IOException {
        Path dir = TestRules.copyTo(tmp.resolve("r"));
        String question = "isä tarvii apua kaupassa käyntiin ja siivoukseen";
        assertNotEquals("fi-kotihoito", RuleTriagePipeline.load(dir, TestRules.HELSINKI).triage(fi(question)).faq().get(0).id());
        Files.writeString(dir.resolve("faq/accepted-variants.yaml"),
                "extra_variants:\n  - entry: fi-kotihoito\n    text: \"" + question + "\"\n    source: faq-pick-1\n");
        assertEquals("fi-kotihoito", RuleTriagePipeline.load(dir, TestRules.HELSINKI).triage(fi(question)).faq().get(0).id());
        Files.writeString(dir.resolve("faq/accepted-variants.yaml"),
                "extra_variants:\n  - entry: fi-kotihoito\n    text: \"x\"\n  - entry: fi-no-such\n    text: \"y\"\n");
        assertEquals("accepted-variants.yaml:4: extra variant of an unknown FAQ entry 'fi-no-such'", loadFails(dir).getMessage());
    }

    @Test
    void queuesAreTheElevenFixedOnesWithNamesInAllLanguages() {
        var queues = TestRules.pipeline().queues();
        assertEquals(java.util.List.of("health", "prescriptions", "dental", "mental-health", "substance-use",
                "child-family", "social", "elderly", "disability", "rescue", "general"),
                queues.stream().map(QueueDefinition::id).toList());
        queues.forEach(q -> assertEquals(3, q.names().size(), q.id()));
    }
}
