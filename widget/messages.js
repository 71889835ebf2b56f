// The conversation log: messages with their delivery state, and the notices of why the conversation waits again.
import { t, lang } from './i18n.js';
import { el, $, setText } from './dom.js';
import { ui } from './state.js';
import { render } from './view.js';

export function addMessage(m) {
  const who = whoLabel(m);
  m.whoEl = el('p', { cls: 'msg__who', text: who });
  m.timeEl = el('span', { text: time(m.at) });
  m.statusEl = el('span', { cls: 'msg__status' });
  const meta = el('p', { cls: 'msg__meta' }, m.timeEl, m.author === 'resident' ? el('span', { text: ' · ' }) : null,
    m.author === 'resident' ? m.statusEl : null);
  m.el = el('div', { cls: `msg msg--${m.author}`, lang: ui.convLang || lang() }, m.whoEl, el('p', { cls: 'msg__text', text: m.text }), meta);
  if (m.seq) m.el.dataset.seq = String(m.seq);
  if (m.clientMsgId) m.el.dataset.clientMsgId = m.clientMsgId;
  ui.messages.push(m);
  if (m.status) setStatus(m, m.status);
  $('log').appendChild(m.el);
  reveal(m.el);
}

/** A message frame: the echo of one of our own (its seq and time) or a new one from the service. */
export function onMessage(f) {
  const own = f.clientMsgId && ui.messages.find((m) => m.author === 'resident' && m.clientMsgId === f.clientMsgId);
  if (own) {
    own.seq = f.seq;
    own.at = f.at;
    setStatus(own, own.status === 'delivered' ? 'delivered' : 'sent');
    own.timeEl.textContent = time(f.at);
    return;
  }
  if (f.author === 'professional') {
    if (ui.state === 'assigned' && (!ui.assignee || ui.assignee.name !== f.authorName)) ui.assignee = { name: f.authorName, title: ui.titles[f.authorName] };
    setText('typing', '');
    ui.conn.send({ type: 'delivered', seq: f.seq });
    render();
  }
  addMessage({ author: f.author, authorName: f.authorName, clientMsgId: f.clientMsgId, seq: f.seq, text: f.text, at: f.at,
    status: f.author === 'resident' ? 'sent' : null });
  render();
}

/** Brings the newest content into view: all of it, or its start when it is taller than the conversation area. */
function reveal(node) {
  const area = $('scroll').getBoundingClientRect();
  node.scrollIntoView({ block: node.getBoundingClientRect().height > area.height ? 'start' : 'nearest' });
}

export function whoLabel(m) {
  if (m.author === 'resident') return t('who.you');
  if (m.author === 'bot') return t('who.bot');
  const title = ui.titles[m.authorName];
  return title ? `${m.authorName}, ${title}` : m.authorName || t('who.professional');
}

export function setOwnStatus(clientMsgId, status, seq) {
  const m = ui.messages.find((x) => x.author === 'resident' && x.clientMsgId === clientMsgId);
  if (!m) return;
  if (seq) { m.seq = seq; m.el.dataset.seq = String(seq); }
  if (m.status !== 'delivered') setStatus(m, status);
}

export function setStatus(m, status) {
  m.status = status;
  m.el.dataset.status = status;
  m.statusEl.textContent = t(`msg.${status}`);
}

/** Why the conversation waits again, as a line in the conversation (kept as a key, so a language change redraws it). */
export function notice(event, name) {
  const key = { transferred: 'notice.transferred', released: 'notice.released', lease_expired: 'notice.leaseExpired',
    handed_back: 'notice.handedBack' }[event];
  if (!key) return;
  const p = el('p', { cls: 'log__notice', text: t(key, { name: name || t('who.professional') }) });
  p.dataset.key = key;
  p.dataset.name = name || '';
  p.dataset.event = event;
  $('log').appendChild(p);
  p.scrollIntoView({ block: 'nearest' });
}

/** Labels, states and notices of the whole log in the language just loaded; the messages' own words stay. */
export function relabelLog() {
  for (const n of document.querySelectorAll('#log .log__notice')) n.textContent = t(n.dataset.key, { name: n.dataset.name || t('who.professional') });
  for (const m of ui.messages) {
    m.whoEl.textContent = whoLabel(m);
    if (m.status) setStatus(m, m.status);
  }
}

export function time(at) {
  try {
    return new Intl.DateTimeFormat(lang(), { hour: '2-digit', minute: '2-digit' }).format(new Date(at));
  } catch (e) {
    return '';
  }
}
