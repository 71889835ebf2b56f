// The resident's video appointment on the booking page (docs/appointments.md "Video call"): the waiting room with the
// time and the professional, a camera and microphone check with help when the browser refuses, mute and camera
// toggles, the 112 line, reconnecting after a drop (the seat key takes the place back) and the appointment's chat,
// which is also the fallback when video does not work. The socket is the widget's own Connection.
import { t, apply, loadExtra } from './i18n.js';
import { $, el, setText } from './dom.js';
import { slotLabel } from './apptext.js';
import { Connection } from './connection.js';
import { CallPeer } from './callpeer.js';

let conn;
let peer;
let seatKey;
let joined = false;
let seatName;
// The chat comes with the call's place (a forwarded link gets nothing): it is shown once this tab holds it.
let seated = false;
let wantChat = false;

export async function setUpCall(token, booking) {
  await loadExtra('call');
  apply($('call'));
  document.title = t('booking.title');
  seatName = `ikkuna.call.seat.${token.slice(0, 12)}`;
  seatKey = sessionStorage.getItem(seatName);
  setText('call-who', t('call.who', { time: slotLabel(booking.slot) }));
  $('call').hidden = false;
  setState('check', t('call.intro'));
  peer = new CallPeer({ send: (f) => conn.send(f), onRemote: showRemote, onMedia: media });
  conn = new Connection({ url: socketUrl(), bookingToken: token, onFrame: frame, onStatus: status });
  conn.start(document.documentElement.lang);
  $('call-check').addEventListener('click', check);
  $('call-join').addEventListener('click', join);
  $('call-retry').addEventListener('click', () => { $('call-retry').hidden = true; conn.send({ type: 'call_join', seat: seatKey }); });
  $('call-mute').addEventListener('click', () => toggle('call-mute', (on) => peer.setMuted(on)));
  $('call-camera').addEventListener('click', () => toggle('call-camera', (on) => peer.setCameraOff(on)));
  $('call-to-chat').addEventListener('click', () => { showChat(); $('call-text').focus(); });
  $('call-end').addEventListener('click', () => conn.send({ type: 'call_end' }));
  $('call-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const text = $('call-text').value.trim();
    if (!text) return;
    conn.sendMessage(text);
    $('call-text').value = '';
  });
}

function socketUrl() {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws/resident`;
}

function setState(name, text) {
  $('call').dataset.callState = name;
  if (text != null) setText('call-status', text);
}

/** The device check: the browser asks for permission; a refusal gets plain instructions, not a dead end. */
async function check() {
  $('call-help').hidden = true;
  try {
    const stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: true });
    peer.setStream(stream);
    $('call-local').srcObject = stream;
    setText('call-status', t('call.checkOk'));
    return true;
  } catch (err) {
    const key = err && err.name === 'NotAllowedError' ? 'denied' : err && err.name === 'NotFoundError' ? 'noDevice' : 'other';
    $('call-help').replaceChildren(el('p', { text: t(`call.help.${key}`) }), el('p', { text: t('call.help.chat') }));
    $('call-help').hidden = false;
    setText('call-status', t('call.checkFailed'));
    showChat();
    return false;
  }
}

async function join() {
  if (!peer.stream) await check();
  $('call-join').disabled = true;
  joined = true;
  setState('joining', t('call.joining'));
  conn.send({ type: 'call_join', seat: seatKey });
}

function frame(f) {
  switch (f.type) {
    case 'welcome':
      // Back after a drop: take the place back with the seat key.
      seated = false;
      if (joined) conn.send({ type: 'call_join', seat: seatKey });
      break;
    case 'call_state': callState(f); break;
    case 'call_signal': peer.signal(f); break;
    case 'message': addMessage(f); break;
    case 'error': refused(f); break;
    default:
  }
}

function callState(f) {
  if (f.seat) {
    seatKey = f.seat;
    sessionStorage.setItem(seatName, seatKey);
    seated = true;
    if (wantChat) $('call-chat').hidden = false;
    // Messages written while the socket was not yet in its place were refused; they go now with their ids.
    conn.resendOutbox();
  }
  $('call').dataset.epoch = f.epoch ?? '';
  peer.state(f);
  if (f.state === 'ended') {
    joined = false;
    peer.stop();
    $('call-local').srcObject = null;
    $('call-controls').hidden = true;
    $('call-join').disabled = false;
    setState('ended', t(f.reason === 'joined_elsewhere' ? 'call.elsewhere' : 'call.ended'));
    showChat();
    return;
  }
  $('call-controls').hidden = false;
  $('call-check').hidden = true;
  $('call-join').hidden = true;
  if (f.state === 'waiting') setState('waiting', t('call.waiting'));
  else setState('connecting', t('call.connecting'));
}

function media(state) {
  if (state === 'connected') {
    setState('connected', t('call.connected'));
    $('call-retry').hidden = true;
  } else if (state === 'failed') {
    // Video did not get through (firewall, network): the same conversation goes on in writing.
    setState('failed', t('call.failed'));
    $('call-retry').hidden = false;
    showChat();
  }
}

function status(s) {
  if (s === 'reconnecting' && joined) setState('reconnecting', t('call.reconnecting'));
}

function refused(f) {
  if (f.code === 'call_not_joined' && f.ref) return; // a message sent before the place was taken: resent after it
  const known = { call_not_open: 'notOpen', call_seat_taken: 'seatTaken', not_found: 'notFound', identification_required: 'identify',
    resume_failed: 'notFound' };
  if (!known[f.code] && !f.code.startsWith('call_')) return;
  joined = false;
  $('call-join').disabled = false;
  setState('refused', t(`call.refused.${known[f.code] || 'other'}`, { time: f.opensAt ? clock(f.opensAt) : '' }));
}

function clock(iso) {
  return new Intl.DateTimeFormat(document.documentElement.lang, { hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

function showRemote(stream) {
  $('call-remote').srcObject = stream;
}

function toggle(id, apply) {
  const on = $(id).getAttribute('aria-pressed') !== 'true';
  $(id).setAttribute('aria-pressed', String(on));
  apply(on);
}

function showChat() {
  wantChat = true;
  if (seated) $('call-chat').hidden = false;
}

function addMessage(m) {
  const who = m.author === 'resident' ? t('call.you') : m.authorName || t('call.professional');
  $('call-log').append(el('li', {}, el('strong', { text: `${who}: ` }), el('span', { text: m.text })));
}
