package fi.ikkuna.triage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.stream.Stream;

/** The repository's triage-rules/ and one shared pipeline over it (loading takes about a second). */
public final class TestRules {
    public static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");
    private static RuleTriagePipeline shared;

    private TestRules() {
    }

    public static Path dir() {
        return Path.of(System.getProperty("ikkuna.rules.dir", "../triage-rules"));
    }

    public static synchronized RuleTriagePipeline pipeline() {
        if (shared == null) {
            shared = RuleTriagePipeline.load(dir(), HELSINKI);
        }
        return shared;
    }

    /** A chat contact triaged by the shared pipeline at the cases' fixed time. */
    public static TriageOutcome chat(String lang, String text) {
        return pipeline().triage(new Contact(text, lang, Channel.CHAT, null, null, CaseDefinition.DEFAULT_AT));
    }

    /** The texts of the labelled cases in one language, in file order (a mutable copy). */
    public static java.util.List<String> caseTexts(String lang) {
        return new java.util.ArrayList<>(pipeline().cases().stream().map(CaseDefinition::contact)
                .filter(c -> c.language().equals(lang)).map(Contact::text).toList());
    }

    /** A writable copy of the rules directory, for tests that break files on purpose. */
    public static Path copyTo(Path target) {
        try (Stream<Path> files = Files.walk(dir())) {
            for (Path p : files.toList()) {
                Path t = target.resolve(dir().relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
