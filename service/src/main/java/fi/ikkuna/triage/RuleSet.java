package fi.ikkuna.triage;

import fi.ikkuna.triage.analysis.LanguageAnalysis;
import fi.ikkuna.triage.calendar.DeadlinePolicy;
import fi.ikkuna.triage.faq.FaqIndex;
import fi.ikkuna.triage.load.Settings;
import fi.ikkuna.triage.rules.RuleMatcher;

import java.util.List;
import java.util.Map;

/** One loaded, immutable rule set; {@link RuleTriagePipeline} swaps whole instances. */
public record RuleSet(Map<String, QueueDefinition> queues, Map<String, String> defaultQueueByService, Settings settings,
                      LanguageAnalysis analysis, RuleMatcher matcher, FaqIndex faq, DeadlinePolicy deadlines,
                      List<CaseDefinition> cases) {
}
