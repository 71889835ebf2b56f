package fi.ikkuna.triage;

import fi.ikkuna.triage.TriageOutcome.FaqHit;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs every case in triage-rules/cases/*.yaml as its own test. Cases listed in known-failing-cases.txt are a
 * ratchet: they may fail (and are printed), but a listed case that now passes fails the build until it is
 * removed from the list, so the list only shrinks. A missed emergency is never excused.
 */
class CaseRunnerTest {
    private static final Path KNOWN = Path.of("src/test/resources/triage/known-failing-cases.txt");

    static String check(CaseDefinition c, TriageOutcome o) {
        List<String> wrong = new ArrayList<>();
        if (c.expectUrgency() != null && c.expectUrgency() != o.urgency()) {
            wrong.add("urgency expected " + c.expectUrgency().wire() + " got " + o.urgency().wire());
        }
        if (c.expectService() != null && !c.expectService().equals(o.service())) {
            wrong.add("service expected " + c.expectService() + " got " + o.service());
        }
        if (c.expectFaq() != null && (o.faq().isEmpty() || !o.faq().getFirst().id().equals(c.expectFaq()))) {
            wrong.add("faq expected " + c.expectFaq() + " first, got "
                    + o.faq().stream().map(FaqHit::id).collect(Collectors.joining(", ", "[", "]")));
        }
        return wrong.isEmpty() ? null
                : c.id() + " (" + c.source() + ") \"" + c.contact().text() + "\": " + String.join("; ", wrong)
                + "\n    why: " + String.join(" | ", o.explanation());
    }

    static Set<String> known() throws IOException {
        if (!Files.exists(KNOWN)) {
            return Set.of();
        }
        try (Stream<String> lines = Files.lines(KNOWN)) {
            return lines.map(l -> l.replaceAll("#.*", "").trim()).filter(l -> !l.isEmpty()).collect(Collectors.toSet());
        }
    }

    @TestFactory
    Stream<DynamicTest> everyCase() throws IOException {
        RuleTriagePipeline p = TestRules.pipeline();
        Set<String> known = known();
        assertTrue(p.cases().size() >= 150, "expected at least 150 labelled cases, found " + p.cases().size());
        return p.cases().stream().map(c -> DynamicTest.dynamicTest(c.id(), () -> {
            String failure = check(c, p.triage(c.contact()));
            if (failure != null && !known.contains(c.id())) {
                fail(failure);
            }
            if (failure == null && known.contains(c.id())) {
                fail(c.id() + " passes now: remove it from " + KNOWN);
            }
            if (failure != null) {
                System.out.println("known failing: " + failure);
            }
        }));
    }

    /** The list may excuse a wrong service on an emergency case, never a missed emergency. */
    @Test
    void everyEmergencyCaseIsAnEmergency() {
        RuleTriagePipeline p = TestRules.pipeline();
        List<String> missed = new ArrayList<>();
        for (CaseDefinition c : p.cases()) {
            TriageOutcome o = p.triage(c.contact());
            if (c.expectUrgency() == Urgency.EMERGENCY && !o.emergency()) {
                missed.add(c.id() + " \"" + c.contact().text() + "\" got " + o.urgency().wire());
            }
        }
        assertTrue(missed.isEmpty(), "missed emergencies:\n" + String.join("\n", missed));
    }
}
