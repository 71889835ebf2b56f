// Self-service: the FAQ suggestions a triage frame brings and the resident's "did this help?" answer.
import { t } from './i18n.js';
import { el, $, show } from './dom.js';
import { ui } from './state.js';
import { showEmergency } from './emergency.js';

export function onTriage(f) {
  if (f.safety && f.safety.length) showEmergency(f.safety);
  const box = $('suggestions');
  box.replaceChildren();
  // Next to emergency guidance, FAQ suggestions would only distract.
  if (!f.answered && f.faq && f.faq.length && !(f.safety && f.safety.length)) {
    // data-i18n: a language switch (apply) relabels the heading; the entries stay in the conversation's language.
    box.appendChild(el('h2', { text: t('faq.suggestions'), attrs: { 'data-i18n': 'faq.suggestions' } }));
    for (const q of f.faq.slice(0, 3)) {
      box.appendChild(el('details', { lang: ui.convLang }, el('summary', { text: q.question }), el('p', { text: q.answer })));
    }
  }
  show('suggestions', box.childElementCount > 0);
}

export function feedback(helpful) {
  if (!ui.conn) return;
  ui.faqAnswered = helpful;
  ui.conn.send({ type: 'faq_feedback', helpful });
  show('feedback', false);
  $('text').focus();
}
