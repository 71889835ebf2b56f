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
