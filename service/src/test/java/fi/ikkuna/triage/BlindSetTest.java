package fi.ikkuna.triage;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fi.ikkuna.triage.eval.BlindReport;
import org.junit.jupiter.api.Test;

/**
 * The blind set: cases written from public guidance by someone who never saw the rules. The tuning half
 * (triage-rules/training/blind-tuning.yaml) may be read while working on rules and trains the second opinion; the
 * locked half (src/test/resources/blind/locked.jsonl) is never opened by the rule author,
 * and only its figures are printed. The build fails when the locked half's emergency recall, or its false
 * emergencies, get worse than the floor docs/triage.md records (the line "Locked-half floor: …").
 */
class BlindSetTest {
    private static final Path BLIND = Path.of("src/test/resources/blind");

    @Test
    void tuningHalfFigures() {
        BlindReport r = BlindReport.run(TestRules.pipeline(), TestRules.pipeline().ruleSet().training());
        System.out.println("Blind set, tuning half:\n" + r.table());
        r.misses().forEach(m -> System.out.println("  miss " + m));
        assertTrue(r.figures("all").total() >= 150, "the tuning half is missing");
    }

    @Test
    void lockedHalfHoldsTheRecordedFloor() throws IOException {
        checkFloor("locked.jsonl", "Locked-half floor", 150);
    }

    @Test
    void secondLockedHalfHoldsTheRecordedFloor() throws IOException {
        checkFloor("locked2.jsonl", "Second locked-half floor", 100);
    }

    @Test
    void thirdLockedHalfHoldsTheRecordedFloor() throws IOException {
        checkFloor("locked3.jsonl", "Third locked-half floor", 90);
    }

    @Test
    void fourthLockedHalfHoldsTheRecordedFloor() throws IOException {
        checkFloor("locked4.jsonl", "Fourth locked-half floor", 100);
    }

    private static void checkFloor(String file, String name, int minimum) throws IOException {
        BlindReport r = BlindReport.run(TestRules.pipeline(), BLIND.resolve(file));
        System.out.println("Blind set, " + file + " (figures only):\n" + r.table());
        Matcher m = Pattern.compile("(?m)^" + name + ": emergency recall ≥ (\\d+)/(\\d+), false emergencies ≤ (\\d+)/(\\d+)")
                .matcher(Files.readString(Path.of("../docs/triage.md")));
        assertTrue(m.find(), "docs/triage.md must record the line '" + name + ": …'");
        BlindReport.Figures all = r.figures("all");
        assertTrue(all.total() >= minimum, file + " is missing");
        int recallNum = Integer.parseInt(m.group(1));
        int recallDen = Integer.parseInt(m.group(2));
        assertTrue((long) all.emergenciesFound() * recallDen >= (long) recallNum * all.emergencies(),
                "locked-half emergency recall " + all.emergenciesFound() + "/" + all.emergencies() + " fell below the recorded "
                        + recallNum + "/" + recallDen);
        int falseNum = Integer.parseInt(m.group(3));
        int falseDen = Integer.parseInt(m.group(4));
        assertTrue((long) all.falseEmergencies() * falseDen <= (long) falseNum * all.nonEmergencies(),
                "locked-half false emergencies " + all.falseEmergencies() + "/" + all.nonEmergencies() + " rose above the recorded "
                        + falseNum + "/" + falseDen);
    }
}
