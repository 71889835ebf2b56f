package fi.ikkuna.triage.eval;

import fi.ikkuna.triage.CaseDefinition;
import fi.ikkuna.triage.Channel;
import fi.ikkuna.triage.Contact;
import fi.ikkuna.triage.RuleTriagePipeline;
import fi.ikkuna.triage.TriageOutcome;

import java.nio.file.Path;
import java.time.ZoneId;

/** Prints the full outcome for one text, the command-line twin of the simulation API. Args: rulesDir lang text... */
public final class Explain {
    private Explain() {
    }

    public static void main(String[] args) {
        RuleTriagePipeline p = RuleTriagePipeline.load(Path.of(args[0]), ZoneId.of("Europe/Helsinki"));
        for (int i = 2; i < args.length; i++) {
            TriageOutcome o = p.triage(new Contact(args[i], args[1], Channel.CHAT, null, null, CaseDefinition.DEFAULT_AT));
            System.out.println(args[i] + "\n  -> " + o.urgency().wire() + " " + o.service() + " " + o.queue()
                    + " answered=" + o.answered());
            o.explanation().forEach(e -> System.out.println("     " + e));
            o.faq().forEach(f -> System.out.printf("     faq %s %.2f %s%n", f.id(), f.score(), f.question()));
        }
    }
}
