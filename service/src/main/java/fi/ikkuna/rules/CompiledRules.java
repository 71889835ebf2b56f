package fi.ikkuna.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import fi.ikkuna.console.ConsoleContent;
import fi.ikkuna.triage.QueueDefinition;
import fi.ikkuna.triage.RuleTriagePipeline;

/**
 * A rule set turned into a working pipeline plus its console content. The files are written to a scratch
 * directory only for the loader and removed afterwards: the loaded rule set lives in memory.
 */
public record CompiledRules(RuleFiles files, RuleTriagePipeline pipeline, ConsoleContent console) {

    /** Loads {@code files}; throws {@link fi.ikkuna.triage.RuleLoadException} with file:line: reason when invalid. */
    public static CompiledRules compile(RuleFiles files, Path scratchRoot, ZoneId zone) {
        Path dir = null;
        try {
            Files.createDirectories(scratchRoot);
            dir = Files.createTempDirectory(scratchRoot, "rules-");
            files.writeTo(dir);
            RuleTriagePipeline pipeline = RuleTriagePipeline.load(dir, zone);
            Set<String> queueIds = pipeline.queues().stream().map(QueueDefinition::id).collect(Collectors.toSet());
            return new CompiledRules(files, pipeline, ConsoleContent.load(dir, queueIds));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(dir);
        }
    }

    /**
     * Approximate heap this compiled rule set holds: the matcher's automata and terms as measured, plus a coarse
     * {@link #BYTES_PER_FILE_CHAR} per character of the files for the FAQ index, analysers' vocabularies and parsed cases.
     */
    public long ramBytesEstimate() {
        return pipeline.ruleSet().matcher().ramBytesUsed() + BYTES_PER_FILE_CHAR * files.totalChars();
    }

    /**
     * Measured on the county's rules (DraftCompilerTest prints it): a compiled set of 320,000 characters grew the
     * heap by 17 MB, 0.9 MB of it the matcher, so about 50 bytes per character of rule files besides the matcher.
     */
    static final long BYTES_PER_FILE_CHAR = 50;

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a scratch copy left behind is harmless
        }
    }
}
