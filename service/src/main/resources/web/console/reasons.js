// Why triage decided as it did, in the console's language. The pipeline stores its explanation as English trace
// lines (triage/Decider, appointment/AtRisk); these are their shapes. A line of a shape not listed here is shown
// as it is, so nothing is hidden from a professional, and a new shape shows up in ConsoleLanguageBrowserTest.
import { t, dateTime } from './i18n.js';

const SHAPES = [
  [/^safety rule (\S+) \((.+?)\) matched/, (m) => t('why_safety', { rule: m[1], source: m[2] })],
  [/^rule (\S+) \((.+?)\) matched/, (m) => t('why_rule', { rule: m[1], source: m[2] })],
  [/^statistical second opinion: emergency \(p = ([\d.]+), threshold ([\d.]+)/, (m) => t('why_second_opinion', { p: m[1], threshold: m[2] })],
  [/^FAQ (\S+) scored ([\d.,]+): confident, answered at once/, (m) => t('why_faq_answered', { faq: m[1], score: m[2] })],
  [/^FAQ (\S+) scored ([\d.,]+): confident, but rule urgency (\S+)/, (m) => t('why_faq_kept', { faq: m[1], score: m[2], urgency: t(m[3]) })],
  [/^FAQ (\S+) scored ([\d.,]+)/, (m) => t('why_faq_suggested', { faq: m[1], score: m[2] })],
  [/^service (\S+) taken from FAQ (\S+)/, (m) => t('why_service_faq', { service: serviceName(m[1]), faq: m[2] })],
  [/^no rule set the urgency: default (\S+)/, (m) => t('why_default_urgency', { urgency: t(m[1]) })],
  [/^no rule set the service: default (\S+)/, (m) => t('why_default_service', { service: serviceName(m[1]) })],
  [/^no deadline rule applies/, () => t('why_no_deadline')],
  [/^deadline rule (\S+) \((.+?)\): no deadline/, (m) => t('why_deadline_none', { rule: m[1], source: m[2] })],
  [/^deadline rule (\S+) \((.+?)\): deadline (\S+?)(?:, care-need assessment by (\S+))?$/,
    (m) => t('why_deadline', { rule: m[1], source: m[2], deadline: dateTime(m[3]) }) + (m[4] ? ' ' + t('why_assessment', { at: dateTime(m[4]) }) : '')],
  [/^Deadline at risk:/, () => t('why_at_risk')],
];

// A rule's description is an authoring note in its rule file, in whatever language the author wrote it (English in
// the county's rules today): a screen in one language names the rule and its file:line instead, one click from it.

/** A service by its name in the console's language; an unknown one keeps its id. */
export function serviceName(id) {
  const key = `service_${id}`;
  const s = t(key);
  return s === key ? id : s;
}

/** One explanation line as a sentence in the console's language. */
export function reason(line) {
  for (const [re, text] of SHAPES) {
    const m = re.exec(line);
    if (m) return text(m);
  }
  return line;
}

/**
 * One entry of the stored fired list (triage_json.fired) as a sentence. Shown only when a record has no explanation
 * lines, which is what a purge leaves (docs/data-rights.md): the trace is gone, the rules that fired are still data.
 */
export function firedReason(f) {
  if (f.kind === 'safety') return t('why_safety', { rule: f.rule, source: f.source });
  if (f.kind === 'routing') return t('why_rule', { rule: f.rule, source: f.source });
  if (f.kind === 'second-opinion') return t('why_second_opinion_named');
  return f.rule;
}
