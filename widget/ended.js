// After the conversation: the rating, the transcript download and starting again in the same tab.
import { t, lang } from './i18n.js';
import { el, $, setText, show } from './dom.js';
import { session } from './session.js';
import { transcriptText, download } from './transcript.js';
import { ui, say } from './state.js';
import { render, focusPrimary } from './view.js';
import { whoLabel, time } from './messages.js';

export function rate() {
  const picked = document.querySelector('input[name="score"]:checked');
  if (!picked) {
    say('rate-error', 'ended.rateMissing');
    document.querySelector('input[name="score"]').focus();
    return;
  }
  say('rate-error');
  const frameOut = { type: 'rate', score: Number(picked.value) };
  const comment = $('r-comment').value.trim();
  if (comment) frameOut.comment = comment.slice(0, 2000);
  ui.conn.send(frameOut);
}

/** The five score choices, labelled in the current language (built again after a language change). */
export function buildScores() {
  const box = $('scores');
  box.replaceChildren();
  for (let n = 1; n <= 5; n += 1) {
    const id = `score-${n}`;
    box.appendChild(el('label', { attrs: { for: id } },
      el('input', { attrs: { type: 'radio', name: 'score', id, value: String(n) } }),
      el('span', { text: t(`ended.s${n}`) })));
  }
}

export function downloadTranscript() {
  const lines = ui.messages.map((m) => ({ time: time(m.at), who: whoLabel(m), text: m.text }));
  const first = ui.messages[0];
  const date = first ? new Date(first.at) : new Date();
  const day = date.toISOString().slice(0, 10);
  download(`${t('transcript.file')}-${day}.txt`,
    transcriptText({ title: t('transcript.title'), started: new Intl.DateTimeFormat(lang(), { dateStyle: 'long', timeStyle: 'short' }).format(date), lines }));
}

export function restart() {
  if (ui.conn) ui.conn.stop();
  ui.conn = null;
  session.clearConversation();
  Object.assign(ui, { state: null, convLang: null, assignee: null, titles: {}, emergency: [], messages: [], staffed: true, faqAnswered: undefined });
  ['log', 'emergency', 'suggestions'].forEach((id) => $(id).replaceChildren());
  show('sos', false);
  ['status', 'rated', 'text-error', 'rate-error'].forEach((id) => say(id));
  ['typing', 'who'].forEach((id) => setText(id, ''));
  ui.ident.reset();
  ui.proxy.reset();
  $('rate').reset();
  show('rate', true);
  render();
  focusPrimary();
}
