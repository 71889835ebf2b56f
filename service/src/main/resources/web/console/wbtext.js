// The server's answers to a rules editor as sentences in the workbench's language: a rule file problem is a code
// with values (rules/RuleProblem), a refusal a code with a reason; the server's English message is never shown.
import { t, has } from './i18n.js';
import { codeText, fieldName } from './errors.js';

/** "Rivi 3: …" for the file being edited; another file of the draft is named ("faq/x.yaml, rivi 3: …"). */
export function problemText(p, shownFile) {
  const params = { ...(p.params || {}) };
  if (params.kind) params.kind = t(`kind_${params.kind.replace(/ /g, '_')}`);
  // Keys, values and ids are the rule files' own words, written as they must be typed: quoted, never translated.
  for (const k of ['key', 'value', 'id']) if (params[k] !== undefined) params[k] = `"${params[k]}"`;
  if (params.allowed) params.allowed = params.allowed.split(/,\s*/).map((a) => `"${a}"`).join(', ');
  const key = `problem_${p.code}`;
  const what = has(key) ? t(key, params) : t('problem_invalid');
  const where = !p.line ? (p.file === shownFile ? '' : t('inFile', { file: p.file }))
    : p.file === shownFile ? t('atLine', { line: p.line }) : t('atFileLine', { file: p.file, line: p.line });
  return where ? `${where}: ${what}` : what;
}

/** A refused request: rule problems, publish gates and rebase have their own sentence, anything else its code's. */
export function refusal(err) {
  const e = err?.body?.error || {};
  if (e.problem) return problemText(e.problem, null);
  if (e.reason) return t(`reason_${e.reason}`, { recall: e.recall === undefined ? '' : (e.recall * 100).toFixed(1) });
  if (e.rebase) return t('reason_rebase', { n: e.activeVersion });
  if (e.approvalRequired) return t('reason_approval');
  return codeText(e.code, { field: e.field ? fieldName(e.field) : '' });
}
