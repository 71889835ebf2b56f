// The resident's booking page: the token is in the URL fragment (never sent to the server in a Referer or log);
// GET shows the booking, DELETE cancels it and frees the slot. API: docs/appointments.md.
import { load, t, apply, pickLang } from './i18n.js';
import { el, $, setText } from './dom.js';
import { slotLabel } from './apptext.js';
import { setUpCall } from './call.js';

const token = location.hash.slice(1);
const path = `/api/appointments/bookings/${encodeURIComponent(token)}`;

async function main() {
  const params = new URLSearchParams(location.search);
  await load(pickLang(params.get('lang'), navigator.languages || [navigator.language]));
  apply();
  document.title = t('booking.title');
  $('b-cancel').addEventListener('click', () => { $('b-confirm-box').hidden = false; $('b-confirm').focus(); });
  $('b-keep').addEventListener('click', () => { $('b-confirm-box').hidden = true; $('b-cancel').focus(); });
  $('b-confirm').addEventListener('click', cancel);
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) { setText('b-status', t('booking.notFound')); return; }
  const b = await show(await fetch(path, { cache: 'no-store' }));
  // A booked video appointment: its waiting room and call on this page (docs/appointments.md "Video call").
  if (b && b.state === 'active' && b.slot.type === 'video') await setUpCall(token, b);
}

async function show(res) {
  if (res.status === 404) { setText('b-status', t('booking.notFound')); return; }
  if (!res.ok) { setText('b-status', t('error.generic')); return; }
  const b = await res.json();
  const rows = [
    ['booking.code', b.code],
    ['booking.time', slotLabel(b.slot)],
    ['booking.state', t(`booking.states.${b.state}`)]];
  if (b.phone) rows.push(['booking.phone', b.phone]);
  $('b-details').replaceChildren(...rows.flatMap(([k, v]) => [el('dt', { text: t(k) }), el('dd', { text: v, attrs: { 'data-key': k } })]));
  $('b-details').hidden = false;
  $('b-cancel').hidden = !(b.state === 'active' && b.cancellable);
  document.body.dataset.state = b.state;
  return b;
}

async function cancel() {
  $('b-confirm').disabled = true;
  const res = await fetch(path, { method: 'DELETE' });
  $('b-confirm').disabled = false;
  $('b-confirm-box').hidden = true;
  const b = await show(res);
  if (b && b.state === 'cancelled') {
    setText('b-status', t('booking.cancelled'));
    $('b-title').focus();
  } else if (res.status === 409) {
    setText('b-status', t('booking.tooLate'));
  }
}

main();
