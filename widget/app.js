// The resident widget app: one conversation over /ws/resident, rendered accessibly. See docs/widget.md.
import { load, t, apply, pickLang, lang } from './i18n.js';
import { el, $, setText, show } from './dom.js';
import { session } from './session.js';
import { Connection } from './connection.js';
import { transcriptText, download } from './transcript.js';
import { toHost, onHost } from './bridge.js';
import { Appointment } from './appointment.js';
import { MyData } from './mydata.js';
import { Forms } from './forms.js';
import { Identify } from './identify.js';
import { OnBehalf } from './proxy.js';

const MAX_TEXT = 4000;
const TYPING_EVERY_MS = 3000;
const TYPING_SHOWN_MS = 5000;
const LIVE_STATES = ['new', 'triaged', 'self_served', 'queued', 'assigned'];

const ui = {
  state: null,
  convLang: null,
  assignee: null,
  // name → title of every professional who answered here: message labels and the transcript keep them after they left.
  titles: {},
  emergency: [],
  open: true,
  messages: [],
  lastTypingSent: 0,
  typingTimer: null,
  connected: true,
  // false while nobody can answer in the conversation's queue (queue frame staffed: false): no promise of a wait.
  staffed: true,
  // 'chat' (the default), 'appt' (remote appointment) or 'form'; chosen from the menu before a chat starts.
  mode: 'chat'
};
let conn = null;
// Texts shown in status and error spots, kept as key + values so a language change can re-render them.
const spoken = new Map();

function say(id, key, vars) {
  if (key) spoken.set(id, [key, vars]); else spoken.delete(id);
  setText(id, key ? t(key, vars) : '');
}

async function main() {
  const params = new URLSearchParams(location.search);
  const stored = session.get();
  await load(pickLang(stored.lang, params.get('lang'), navigator.languages || [navigator.language]));
  apply();
  $('lang').value = lang();
  // Staffed now (docs/widget.md, "Staffed"): otherwise the widget says so, keeps the FAQ and offers a contact request.
  ui.open = await fetch('status', { cache: 'no-store' }).then((r) => r.json()).then((s) => s.open !== false).catch(() => true);
  wire();
  if (stored.emergency) showEmergency([]);
  if (stored.token) {
    connect(stored.token);
  } else {
    render();
  }
  toHost('ready');
}

function wire() {
  $('composer').addEventListener('submit', (e) => { e.preventDefault(); sendFromComposer(); });
  $('text').addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) { e.preventDefault(); sendFromComposer(); }
  });
  $('text').addEventListener('input', () => { updateCounter('text', 'counter', 'text-error'); typing(); });
  $('closed-contact').addEventListener('click', contactRequest);
  $('unstaffed-contact').addEventListener('click', contactRequest);
  $('faq-yes').addEventListener('click', () => feedback(true));
  $('faq-no').addEventListener('click', () => feedback(false));
  $('end').addEventListener('click', () => conn && conn.send({ type: 'close' }));
  $('rate').addEventListener('submit', (e) => { e.preventDefault(); rate(); });
  $('download').addEventListener('click', downloadTranscript);
  $('restart').addEventListener('click', restart);
  $('close').addEventListener('click', () => toHost('close'));
  $('lang').addEventListener('change', changeLanguage);
  document.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape') return;
    // While emergency guidance is on screen a stray Esc must not hide it; the close button still works.
    if (ui.emergency.length || session.get().emergency) { e.preventDefault(); return; }
    toHost('close');
  });
  onHost((msg) => { if (msg.type === 'open') focusPrimary(); });
  const modes = { showEmergency: (safety) => showEmergency(safety), back: () => setMode('chat'),
    identifiedToken: () => (ui.ident.status === 'identified' ? session.get().token : null) };
  ui.appointment = new Appointment(modes);
  ui.forms = new Forms(modes);
  ui.ident = new Identify((f) => !!conn && conn.send(f), lang);
  ui.proxy = new OnBehalf((f) => !!conn && conn.send(f));
  $('mode-appt').addEventListener('click', () => setMode('appt'));
  $('mode-form').addEventListener('click', () => setMode('form'));
  ui.mydata = new MyData({ token: () => session.get().token, back: () => setMode('chat') });
  $('mydata-open').addEventListener('click', () => setMode('mydata'));
  buildScores();
  updateCounter('text', 'counter', 'text-error');
}

function connect(token) {
  const url = new URL('/ws/resident', location.href);
  url.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  conn = new Connection({ url: url.href, token, onFrame: frame, onStatus: connectionStatus });
  conn.start(ui.convLang || lang());
}

// ---- sending ----

function sendFromComposer() {
  const text = $('text').value;
  if (!validText(text, 'text', 'text-error')) return;
  sendMessage(text);
  $('text').value = '';
  updateCounter('text', 'counter', 'text-error');
}

function sendMessage(text) {
  if (!conn) {
    ui.convLang = lang();
    connect(null);
  }
  const clientMsgId = conn.sendMessage(text);
  addMessage({ author: 'resident', clientMsgId, text, at: new Date().toISOString(), status: ui.connected ? 'pending' : 'waiting' });
  render();
}

function validText(text, fieldId, errorId) {
  let error = null;
  if (!text.trim()) error = ['composer.empty'];
  else if (text.length > MAX_TEXT) error = ['composer.tooLong', { max: MAX_TEXT, over: text.length - MAX_TEXT }];
  say(errorId, ...(error || []));
  $(fieldId).setAttribute('aria-invalid', error ? 'true' : 'false');
  if (error) $(fieldId).focus();
  return !error;
}

function updateCounter(fieldId, counterId, errorId) {
  const n = $(fieldId).value.length;
  $(counterId).textContent = t('composer.counter', { count: n, max: MAX_TEXT });
  $(counterId).classList.toggle('counter--over', n > MAX_TEXT);
  if (n > MAX_TEXT) {
    say(errorId, 'composer.tooLong', { max: MAX_TEXT, over: n - MAX_TEXT });
    $(fieldId).setAttribute('aria-invalid', 'true');
  } else if ($(fieldId).getAttribute('aria-invalid') === 'true' && n > 0) {
    say(errorId);
    $(fieldId).setAttribute('aria-invalid', 'false');
  }
}

/** Closed or unstaffed: the contact-request form of the forms API (docs/forms.md), the same pipeline as a chat. */
function contactRequest() {
  ui.mode = 'form';
  render();
  ui.forms.openForm('contact-request');
}

function typing() {
  if (ui.state !== 'assigned' || !conn) return;
  const now = Date.now();
  if (now - ui.lastTypingSent < TYPING_EVERY_MS) return;
  ui.lastTypingSent = now;
  conn.send({ type: 'typing' });
}

function feedback(helpful) {
  if (!conn) return;
  ui.faqAnswered = helpful;
  conn.send({ type: 'faq_feedback', helpful });
  show('feedback', false);
  $('text').focus();
}

function rate() {
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
  conn.send(frameOut);
}

// ---- receiving ----

function frame(f) {
  switch (f.type) {
    case 'welcome':
      if (f.resumeToken) session.set({ token: f.resumeToken, lang: lang() });
      ui.convLang = f.language;
      // Shown to no one; lets support staff and tests match the tab to the conversation (not a secret, unlike the token).
      document.body.dataset.conversation = f.conversationId;
      if (f.assignee) assign(f.assignee);
      // After a reload the stored flag shows the general guidance at once; the instruction itself comes from the service.
      if (f.safety && f.safety.length) showEmergency(f.safety);
      setState(f.state, f.returned);
      break;
    case 'message': onMessage(f); break;
    case 'ack': setOwnStatus(f.clientMsgId, 'sent', f.seq); break;
    case 'receipt':
      ui.messages.filter((m) => m.author === 'resident' && m.seq && m.seq <= f.seq).forEach((m) => setStatus(m, 'delivered'));
      break;
    case 'triage': onTriage(f); break;
    case 'state':
      if (f.assignee) assign(f.assignee);
      setState(f.state, f.event);
      break;
    case 'queue': onQueue(f); break;
    case 'typing': onTyping(); break;
    case 'rated':
      say('rated', 'ended.rated');
      show('rate', false);
      $('download').focus();
      break;
    case 'error': onError(f); break;
    case 'identification': ui.ident.frame(f); break;
    case 'proxy': ui.proxy.frame(f); break;
    default:
  }
  // Once identified the way to the person's own data appears (docs/data-rights.md).
  if (f.type === 'identification') ui.mydata.render(ui.mode, ui.ident.status);
}

function assign(a) {
  ui.assignee = a;
  if (a.title) ui.titles[a.name] = a.title;
}

function onMessage(f) {
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
    conn.send({ type: 'delivered', seq: f.seq });
    render();
  }
  addMessage({ author: f.author, authorName: f.authorName, clientMsgId: f.clientMsgId, seq: f.seq, text: f.text, at: f.at,
    status: f.author === 'resident' ? 'sent' : null });
  render();
}

function onTriage(f) {
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

function onQueue(f) {
  if (ui.state !== 'queued') return;
  ui.staffed = f.staffed !== false;
  render();
  // Next to 112 guidance no place or minutes: a wait promised there could keep someone from calling.
  if (emergency()) { say('status', 'queue.emergency'); return; }
  if (!ui.staffed) { say('status', 'queue.unstaffed'); return; }
  const minutes = Math.max(1, Math.round((f.estimatedWaitSeconds || 0) / 60));
  if (f.position === 1) say('status', 'queue.next', { minutes });
  else say('status', 'queue.position', { position: f.position, minutes });
}

function onTyping() {
  const name = ui.assignee && ui.assignee.name;
  setText('typing', name ? t('typing.named', { name }) : t('typing.anon'));
  clearTimeout(ui.typingTimer);
  ui.typingTimer = setTimeout(() => setText('typing', ''), TYPING_SHOWN_MS);
}

function onError(f) {
  // Shown once, in the connection notice (connectionStatus), not as a fault of what the resident typed.
  if (f.code === 'unavailable') return;
  const key = t(`error.${f.code}`) === `error.${f.code}` ? 'error.generic' : `error.${f.code}`;
  if (f.code === 'resume_failed') {
    session.clearConversation();
    conn = null;
    ui.state = null;
    render();
  }
  say('text-error', key);
}

function showEmergency(safety) {
  ui.emergency = safety.length ? safety : ui.emergency.length ? ui.emergency : [{}];
  session.set({ emergency: true });
  const box = $('emergency');
  const list = el('ul', {},
    el('li', {}, el('a', { text: t('emergency.call112'), attrs: { href: 'tel:112' } })),
    el('li', {}, el('a', { text: t('emergency.call116117'), attrs: { href: 'tel:116117' } })),
    el('li', {}, el('a', { text: t('emergency.mieli'), attrs: { href: 'tel:+358925250111' } })));
  const fromService = ui.emergency.filter((s) => s.instruction)
    .map((s) => el('p', { cls: 'emergency__service', text: s.instruction, lang: ui.convLang }));
  const first = !box.childElementCount;
  // The pipeline's specific instruction ("Soita heti 112. Älä lähde ajamaan itse…") first, the general numbers after it.
  box.replaceChildren(el('h2', { text: t('emergency.title') }), ...fromService, list);
  if (ui.state === 'queued') say('status', 'queue.emergency');
  // A compact 112 link stays in the header however far the conversation scrolls.
  show('sos', true);
  if (first) box.scrollIntoView({ block: 'start' });
}

function connectionStatus(status) {
  ui.connected = status === 'online';
  // 'unavailable': connected, but the service cannot store anything now; the outbox keeps and resends (connection.js).
  say('conn', ui.connected ? null : `conn.${status}`);
  for (const m of ui.messages) {
    if (m.author === 'resident' && (m.status === 'pending' || m.status === 'waiting')) setStatus(m, ui.connected ? 'pending' : 'waiting');
  }
}

// ---- rendering ----

function addMessage(m) {
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

/** Brings the newest content into view: all of it, or its start when it is taller than the conversation area. */
function reveal(node) {
  const area = $('scroll').getBoundingClientRect();
  node.scrollIntoView({ block: node.getBoundingClientRect().height > area.height ? 'start' : 'nearest' });
}

/** True while emergency guidance is shown (also after a reload, from the stored flag). */
function emergency() {
  return ui.emergency.length > 0;
}

function whoLabel(m) {
  if (m.author === 'resident') return t('who.you');
  if (m.author === 'bot') return t('who.bot');
  const title = ui.titles[m.authorName];
  return title ? `${m.authorName}, ${title}` : m.authorName || t('who.professional');
}

function setOwnStatus(clientMsgId, status, seq) {
  const m = ui.messages.find((x) => x.author === 'resident' && x.clientMsgId === clientMsgId);
  if (!m) return;
  if (seq) { m.seq = seq; m.el.dataset.seq = String(seq); }
  if (m.status !== 'delivered') setStatus(m, status);
}

function setStatus(m, status) {
  m.status = status;
  m.el.dataset.status = status;
  m.statusEl.textContent = t(`msg.${status}`);
}

/** One place for every lifecycle step, so the strip never shows an assignee and a queue place at once. */
function setState(state, event) {
  const before = ui.state;
  ui.state = state;
  if (state !== 'assigned') {
    // Whoever answered is no longer answering: no name in the strip, no stale "is typing".
    const left = ui.assignee && ui.assignee.name;
    if (before === 'assigned' || event) notice(event, left);
    ui.assignee = null;
    clearTimeout(ui.typingTimer);
    setText('typing', '');
  }
  if (state === 'closed' && before !== 'closed') {
    const hadFocus = $('composer').contains(document.activeElement) || $('feedback').contains(document.activeElement);
    say('status', ui.faqAnswered ? 'faq.thanks' : 'state.closed');
    render();
    $('ended').scrollIntoView({ block: 'nearest' });
    // Focus moves only if it was in a part that just disappeared; a resumed tab must not steal focus.
    if (hadFocus) $('ended-title').focus();
    return;
  }
  if (state === 'assigned') {
    say('status');
  } else if (state === 'queued' && before !== 'queued') {
    say('status', emergency() ? 'queue.emergency' : ui.staffed ? 'queue.waiting' : 'queue.unstaffed');
  }
  render();
}

/** Why the conversation waits again, as a line in the conversation (kept as a key, so a language change redraws it). */
function notice(event, name) {
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

/** Shows the parts that fit the conversation's state; one place so no two views disagree. */
function render() {
  const started = ui.messages.length > 0 || (ui.state && ui.state !== 'new');
  const closed = ui.state === 'closed';
  const chat = ui.mode === 'chat';
  show('intro', !started && chat);
  show('modes', !started && chat);
  show('appt', ui.mode === 'appt');
  show('forms', ui.mode === 'form');
  ui.mydata.render(ui.mode, ui.ident.status);
  const asking = ui.state === 'self_served';
  const wasAsking = !$('feedback').hidden;
  show('feedback', asking);
  // Beside the composer it is always in view; only a very short viewport scrolls it (one column, see app.css).
  if (asking && !wasAsking) $('feedback').scrollIntoView({ block: 'nearest' });
  // Closed or unstaffed: the composer stays for the FAQ; a person is offered through a contact request instead.
  show('composer', chat && !closed);
  show('closed', chat && !closed && !started && !ui.open);
  show('unstaffed-contact', chat && ui.state === 'queued' && !ui.staffed && !emergency());
  show('end', !closed && LIVE_STATES.includes(ui.state) && ui.messages.length > 0);
  show('ended', closed);
  ui.ident.render(ui.state, started);
  ui.proxy.render(ui.state, started);
  const a = ui.assignee;
  show('who', ui.state === 'assigned' && !!a);
  if (a) setText('who', a.title ? t('state.assigned', { name: a.name, title: a.title }) : t('state.assignedNoTitle', { name: a.name }));
  if (closed) setText('typing', '');
}

/** Switches between the chat (default), the remote-appointment request and the forms; focus goes to the new view. */
function setMode(mode) {
  ui.mode = mode;
  render();
  if (mode === 'appt') ui.appointment.open();
  else if (mode === 'form') ui.forms.open();
  else if (mode === 'mydata') ui.mydata.open();
  else focusPrimary();
}

function buildScores() {
  const box = $('scores');
  for (let n = 1; n <= 5; n += 1) {
    const id = `score-${n}`;
    box.appendChild(el('label', { attrs: { for: id } },
      el('input', { attrs: { type: 'radio', name: 'score', id, value: String(n) } }),
      el('span', { text: t(`ended.s${n}`) })));
  }
}

function focusPrimary() {
  const target = ['text'].find((id) => !$(id).closest('form').hidden);
  if (target) $(target).focus();
  else if (!$('ended').hidden) $('ended-title').focus();
}

function time(at) {
  try {
    return new Intl.DateTimeFormat(lang(), { hour: '2-digit', minute: '2-digit' }).format(new Date(at));
  } catch (e) {
    return '';
  }
}

async function changeLanguage() {
  const chosen = $('lang').value;
  await load(chosen);
  session.set({ lang: chosen });
  apply();
  $('scores').replaceChildren();
  buildScores();
  updateCounter('text', 'counter', 'text-error');
  for (const n of document.querySelectorAll('#log .log__notice')) n.textContent = t(n.dataset.key, { name: n.dataset.name || t('who.professional') });
  for (const m of ui.messages) {
    m.whoEl.textContent = whoLabel(m);
    if (m.status) setStatus(m, m.status);
  }
  if (ui.emergency.length) showEmergency(ui.emergency);
  for (const [id, [key, vars]] of spoken) setText(id, t(key, vars));
  ui.appointment.relabel();
  ui.mydata.relabel();
  ui.forms.relabel();
  ui.ident.relabel();
  ui.proxy.relabel();
  render();
}

function downloadTranscript() {
  const lines = ui.messages.map((m) => ({ time: time(m.at), who: whoLabel(m), text: m.text }));
  const first = ui.messages[0];
  const date = first ? new Date(first.at) : new Date();
  const day = date.toISOString().slice(0, 10);
  download(`${t('transcript.file')}-${day}.txt`,
    transcriptText({ title: t('transcript.title'), started: new Intl.DateTimeFormat(lang(), { dateStyle: 'long', timeStyle: 'short' }).format(date), lines }));
}

function restart() {
  if (conn) conn.stop();
  conn = null;
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

main();
