// The conversation as the service tells it: the socket and every frame it sends (docs/protocol.md), mapped onto state.
import { t, lang } from './i18n.js';
import { $, setText, show } from './dom.js';
import { session } from './session.js';
import { Connection } from './connection.js';
import { ui, say, emergency } from './state.js';
import { render } from './view.js';
import { onMessage, setOwnStatus, setStatus, notice } from './messages.js';
import { showEmergency } from './emergency.js';
import { onTriage } from './faq.js';

const TYPING_SHOWN_MS = 5000;

export function connect(token) {
  const url = new URL('/ws/resident', location.href);
  url.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  ui.conn = new Connection({ url: url.href, token, onFrame: frame, onStatus: connectionStatus });
  ui.conn.start(ui.convLang || lang());
}

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
    ui.conn = null;
    ui.state = null;
    render();
  }
  say('text-error', key);
}

function connectionStatus(status) {
  ui.connected = status === 'online';
  // 'unavailable': connected, but the service cannot store anything now; the outbox keeps and resends (connection.js).
  say('conn', ui.connected ? null : `conn.${status}`);
  for (const m of ui.messages) {
    if (m.author === 'resident' && (m.status === 'pending' || m.status === 'waiting')) setStatus(m, ui.connected ? 'pending' : 'waiting');
  }
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
