// The reply page of a form submission: the token is in the URL fragment; GET /api/forms/replies/{token} shows the
// state and the professional's answer. Internal notes never come from the server. API: docs/forms.md.
import { load, t, apply, pickLang } from './i18n.js';
import { el, $, setText } from './dom.js';
import { dateTime } from './apptext.js';

const token = location.hash.slice(1);

async function main() {
  const params = new URLSearchParams(location.search);
  await load(pickLang(params.get('lang'), navigator.languages || [navigator.language]));
  apply();
  document.title = t('reply.title');
  $('r-refresh').addEventListener('click', refresh);
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) { setText('r-status', t('reply.notFound')); return; }
  await refresh();
}

async function refresh() {
  const res = await fetch(`/api/forms/replies/${encodeURIComponent(token)}`, { cache: 'no-store' });
  if (res.status === 404) { setText('r-status', t('reply.notFound')); return; }
  if (!res.ok) { setText('r-status', t('error.generic')); return; }
  const r = await res.json();
  const rows = [['reply.form', r.title], ['reply.reference', r.reference], ['reply.sent', dateTime(r.submittedAt)],
    ['reply.state', t(`reply.states.${r.state}`)]];
  $('r-details').replaceChildren(...rows.flatMap(([k, v]) => [el('dt', { text: t(k) }), el('dd', { text: v })]));
  $('r-details').hidden = false;
  setText('r-status', r.answered ? t('reply.answered') : t('reply.waiting'));
  document.body.dataset.answered = String(r.answered);
  $('r-messages-title').hidden = false;
  $('r-messages').replaceChildren(...r.messages.map((m) => el('li', { cls: `msg msg--${m.author}`, attrs: { 'data-author': m.author } },
    el('p', { cls: 'msg__who', text: m.author === 'professional' ? (m.authorName || t('who.professional')) : m.author === 'bot' ? t('who.bot') : t('who.you') }),
    el('p', { cls: 'msg__text', text: m.text }),
    el('p', { cls: 'msg__meta', text: dateTime(m.at) }))));
  $('r-refresh').hidden = false;
}

main();
