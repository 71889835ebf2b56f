package fi.ikkuna.triage;

import fi.ikkuna.triage.analysis.LanguageAnalysis;
import fi.ikkuna.triage.calendar.DeadlinePolicy;
import fi.ikkuna.triage.classify.EmergencyClassifier;
import fi.ikkuna.triage.faq.FaqIndex;
import fi.ikkuna.triage.load.Settings;
import fi.ikkuna.triage.rules.RuleMatcher;

import java.util.List;
import java.util.Map;

/**
 * One loaded, immutable rule set; {@link RuleTriagePipeline} swaps whole instances. {@code training}: labelled
 * contacts (training/*.yaml) that only train the {@code classifier} (null when not configured), unlike cases,
 * which the build also runs.
 */
public record RuleSet(Map<String, QueueDefinition> queues, Map<String, String> defaultQueueByService, Settings settings,
                      LanguageAnalysis analysis, RuleMatcher matcher, FaqIndex faq, DeadlinePolicy deadlines,
                      List<CaseDefinition> cases, List<CaseDefinition> training, EmergencyClassifier classifier) {
}
