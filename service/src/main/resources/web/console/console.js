// Console bootstrap: sign-in, the live board and the conversation view over one professional WebSocket.
import { api, setCsrf } from './api.js';
import { Board } from './board.js';
import { ConversationView } from './conversation.js';
import { load, t, lang } from './i18n.js';
import { ProSocket } from './prosocket.js';
import { setUpAvailability } from './availability.js';
import { setUpDay } from './day.js';

const $ = (id) => document.getElementById(id);
let socket = null;

function status(text) { $('status').textContent = text; }
function announce(text) { $('announce').textContent = ''; setTimeout(() => { $('announce').textContent = text; }, 50); }

async function start(me) {
  setCsrf(me.csrfToken);
  $('who').hidden = false;
  $('who-name').textContent = `${me.professional.name}, ${me.professional.title}`;
  $('login-view').hidden = true;
  $('work-view').hidden = false;
  const content = await api.consoleContent(lang);
  const names = new Map(content.queues.map((q) => [q.id, q.name]));
  let view;
  let professional = me.professional;
  let reconnected = false;
  const board = new Board($('queues'), { onClaim: (id) => socket.send({ type: 'claim', conversationId: id }), queueName: (q) => names.get(q) || q });
  socket = new ProSocket({
    welcome: (f) => {
      professional = f.professional;
      status(t('connected'));
      // Back after a drop: the open conversation may have moved on meanwhile (lease, transfer): load it again.
      if (reconnected && view.current) socket.send({ type: 'open', conversationId: view.current });
      reconnected = false;
    },
    handed_back: () => { handingBack?.(); },
    queue_snapshot: (f) => board.snapshot(f),
    claimed: (f) => view.show(f),
    opened: (f) => view.show(f),
    message: (f) => view.append(f),
    ack: (f) => view.ack(f),
    receipt: (f) => view.receipt(f),
    typing: (f) => view.residentTyping(f),
    state: (f) => view.state(f),
    revoked: (f) => view.revoked(f),
    error: (f) => {
      if (f.code === 'already_claimed') status(t('alreadyClaimed', { by: f.by }));
      else if (f.code === 'purpose_required') askPurpose(f);
      // Known codes in the console's language; the server's English message only for a code we do not know.
      else status(t(`err_${f.code}`) !== `err_${f.code}` ? t(`err_${f.code}`) : t('error', { message: f.message }));
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
  $('notify').addEventListener('change', async (e) => {
    board.notify = e.target.checked;
    if (board.notify && 'Notification' in window && Notification.permission === 'default') await Notification.requestPermission();
  });
  socket.connect();
  $('plan-view').hidden = false;
  setUpDay({ status, announce, open: (id) => { pendingOpen = id; socket.send({ type: 'open', conversationId: id }); } });
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
        for (const v of [new Date(entry.at).toLocaleString(), entry.professional, entry.conversationId, entry.action, entry.purpose]) {
          row.insertCell().textContent = v ?? '';
        }
      }
      $('audit-table').hidden = false;
      announce(entries.length ? `${entries.length}` : t('auditNone'));
    } catch (err) {
      status(t('error', { message: err.message }));
    }
  });
}

function askPurpose() {
  $('purpose-dialog').showModal();
  $('purpose').focus();
}

function signedOut() {
  $('work-view').hidden = true;
  $('plan-view').hidden = true;
  $('who').hidden = true;
  $('login-view').hidden = false;
  status(t('signedOut'));
  $('username').focus();
}

async function init() {
  await load(lang);
  $('lang').value = lang;
  $('lang').addEventListener('change', async (e) => { await load(e.target.value); });
  $('login-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    $('login-error').textContent = '';
    try {
      start(await api.login($('username').value, $('password').value));
    } catch {
      $('login-error').textContent = t('loginFailed');
      $('password').focus();
    }
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
