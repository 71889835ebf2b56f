// Console bootstrap: sign-in, the live board and the conversation view over one professional WebSocket.
import { api, setCsrf, onUnavailable } from './api.js';
import { Board } from './board.js';
import { ConversationView } from './conversation.js';
import { load, t, has, lang, dateTime } from './i18n.js';
import { codeText } from './errors.js';
import { ProSocket } from './prosocket.js';
import { setUpAvailability } from './availability.js';
import { setUpDay } from './day.js';
import { OutageBanner } from './outage.js';
import { IdentificationBox, setUpIdpSignIn } from './identification.js';
import { ProxyBox } from './proxy.js';
import { FaqPick } from './faqpick.js';
import { CallPanel } from './call.js';

import { $ } from '/widget/dom.js';
let socket = null;
let outage = null;

function status(text) { $('status').textContent = text; }
function announce(text) { $('announce').textContent = ''; setTimeout(() => { $('announce').textContent = text; }, 50); }

async function start(me) {
  setCsrf(me.csrfToken);
  outage.start();
  $('who').hidden = false;
  $('who-name').textContent = `${me.professional.name}, ${me.professional.title}`;
  $('login-view').hidden = true;
  $('work-view').hidden = false;
  const content = await api.consoleContent(lang);
  const names = new Map(content.queues.map((q) => [q.id, q.name]));
  let view;
  let professional = me.professional;
  let reconnected = false;
  let ident;
  let proxy;
  let faqPick;
  let call;
  const board = new Board($('queues'), { onClaim: (id) => socket.send({ type: 'claim', conversationId: id }), queueName: (q) => names.get(q) || q });
  socket = new ProSocket({
    welcome: (f) => {
      professional = f.professional;
      status(t('connected'));
      // Back after a drop: the open conversation may have moved on meanwhile (lease, transfer): load it again.
      if (reconnected && view.current) socket.send({ type: 'open', conversationId: view.current });
      if (reconnected) call.reconnected();
      reconnected = false;
    },
    handed_back: () => { handingBack?.(); },
    queue_snapshot: (f) => board.snapshot(f),
    claimed: (f) => { view.show(f); ident.show(f.conversation); proxy.show(f.conversation); faqPick.show(f.conversation); },
    opened: (f) => { view.show(f); ident.show(f.conversation); proxy.show(f.conversation); faqPick.show(f.conversation); },
    identification: (f) => ident.frame(f),
    identity: (f) => ident.revealed(f),
    proxy: (f) => proxy.frame(f),
    message: (f) => view.append(f),
    ack: (f) => view.ack(f),
    receipt: (f) => view.receipt(f),
    typing: (f) => view.residentTyping(f),
    state: (f) => view.state(f),
    revoked: (f) => view.revoked(f),
    call_state: (f) => call.state(f),
    // A chat appointment began (ChatOpenings): its conversation opens by itself, logged with the purpose "appointment".
    appointment_due: (f) => {
      pendingOpen = f.conversationId;
      socket.send({ type: 'open', conversationId: f.conversationId, purpose: 'appointment' });
      announce(t('chatDue', { code: f.bookingCode }));
    },
    call_signal: (f) => call.signal(f),
    error: (f) => {
      if (f.code.startsWith('call_')) call.refused(f);
      if (f.code === 'unavailable') {
        outage.report();
        view.unsent(f);
      } else if (f.code === 'already_claimed') status(t('alreadyClaimed', { by: f.by }));
      else if (f.code === 'purpose_required') askPurpose(f);
      else status(codeText(f.code, { by: f.by ?? '' }));
    },
    disconnected: () => { reconnected = true; status(t('reconnecting')); },
    signedOut: () => signedOut(),
  });
  view = new ConversationView(socket, content, announce, () => professional);
  $('handback-logout').addEventListener('click', async () => {
    // Her taken conversations go back to the top of their queues now instead of after the lease's grace.
    await new Promise((resolve) => {
      handingBack = resolve;
      if (!socket.send({ type: 'hand_back' })) resolve();
      setTimeout(resolve, 5000);
    });
    handingBack = null;
    $('logout').click();
  });
  ident = new IdentificationBox(socket, () => view.current);
  proxy = new ProxyBox(() => view.current);
  faqPick = new FaqPick(() => view.current);
  $('notify').addEventListener('change', async (e) => {
    board.notify = e.target.checked;
    if (board.notify && 'Notification' in window && Notification.permission === 'default') await Notification.requestPermission();
  });
  socket.connect();
  $('plan-view').hidden = false;
  call = new CallPanel(socket, announce);
  const openConversation = (id) => { pendingOpen = id; socket.send({ type: 'open', conversationId: id }); };
  setUpDay({ status, announce, open: openConversation, joinCall: (id) => { openConversation(id); call.join(id); } });
  setUpAvailability(content, { status, announce });
  if (me.professional.role === 'administrator') setUpAudit();
  $('workbench-link').hidden = !['administrator', 'rules_editor'].includes(me.professional.role);
  $('insights-link').hidden = !['administrator', 'manager'].includes(me.professional.role);
  $('open-form').addEventListener('submit', (e) => {
    e.preventDefault();
    pendingOpen = $('open-id').value.trim();
    socket.send({ type: 'open', conversationId: pendingOpen });
  });
  $('purpose-dialog').addEventListener('close', () => {
    const purpose = $('purpose').value.trim();
    if ($('purpose-dialog').returnValue === 'ok' && purpose && pendingOpen) {
      socket.send({ type: 'open', conversationId: pendingOpen, purpose });
    }
    $('purpose').value = '';
  });
}

let pendingOpen = null;
let handingBack = null;

function setUpAudit() {
  $('audit').hidden = false;
  $('audit-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const body = $('audit-table').tBodies[0];
    body.replaceChildren();
    try {
      const { entries } = await api.audit($('audit-kind').value, $('audit-id').value.trim());
      for (const entry of entries) {
        const row = body.insertRow();
        // Codes by name (an action or purpose the texts do not know, such as a typed purpose, shows as written).
        const named = (prefix, v) => (v && has(prefix + v) ? t(prefix + v) : v);
        for (const v of [dateTime(entry.at), entry.professional, entry.conversationId, named('action_', entry.action), named('purpose_', entry.purpose)]) {
          row.insertCell().textContent = v ?? '';
        }
      }
      $('audit-table').hidden = false;
      announce(entries.length ? `${entries.length}` : t('auditNone'));
    } catch (err) {
      status(codeText(err.code));
    }
  });
}

function askPurpose() {
  $('purpose-dialog').showModal();
  $('purpose').focus();
}

function signedOut() {
  outage.stop();
  $('work-view').hidden = true;
  $('plan-view').hidden = true;
  $('who').hidden = true;
  $('login-view').hidden = false;
  status(t('signedOut'));
  $('username').focus();
}

/** True when {@code path} is this page (/console/ and /console/index.html are one page). */
function samePage(path) {
  const norm = (p) => p.replace(/index\.html$/, '');
  return norm(new URL(path, location.href).pathname) === norm(location.pathname);
}

async function init() {
  outage = new OutageBanner($('outage'));
  onUnavailable(() => outage.report());
  await load(lang, ['', 'call-']);
  setUpIdpSignIn();
  $('lang').value = lang;
  $('lang').addEventListener('change', async (e) => { await load(e.target.value); outage.render(); });
  $('login-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    $('login-error').textContent = '';
    let me;
    try {
      me = await api.login($('username').value, $('password').value);
    } catch (err) {
      $('login-error').textContent = !err.code || err.code === 'unauthorized' ? t('loginFailed') : codeText(err.code);
      $('password').focus();
      return;
    }
    // Each role lands on its own page (issue 14.9): rules editors on the workbench, managers on insights.
    if (me.landing && !samePage(me.landing)) location.assign(me.landing);
    else start(me);
  });
  $('logout').addEventListener('click', async () => {
    try { await api.logout(); } finally { socket?.close(); signedOut(); }
  });
  try {
    start(await api.me());
  } catch {
    $('username').focus();
  }
}

init();
