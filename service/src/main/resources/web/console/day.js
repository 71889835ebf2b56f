// "My day": the signed-in professional's booked appointments with each resident's triaged request
// (GET /api/appointments/day; reading it writes the access log, purpose "appointment").
import { api } from './api.js';
import { t } from './i18n.js';
import { isoDay, when, cell, problem } from './plan.js';
import { el, $ } from '/widget/dom.js';

let wired = false;

export function setUpDay(actions) {
  $('day-date').value = $('day-date').value || isoDay();
  if (wired) return show(actions);
  wired = true;
  $('day-form').addEventListener('submit', (e) => { e.preventDefault(); show(actions); });
  return show(actions);
}

async function show({ status, announce, open, joinCall }) {
  const date = $('day-date').value;
  let appointments;
  try {
    ({ appointments } = await api.day(date));
  } catch (err) {
    status(t('error', { message: problem(err) }));
    return;
  }
  const body = $('day-table').tBodies[0];
  body.replaceChildren();
  for (const a of appointments) {
    const row = body.insertRow();
    row.dataset.code = a.bookingCode;
    cell(row, `${when(a.start, false)}–${when(a.end, false)}`);
    cell(row, t(`type${a.type[0].toUpperCase()}${a.type.slice(1)}`));
    cell(row, a.bookingCode);
    phoneCell(row, a, { status, announce });
    const r = a.request;
    const text = row.insertCell();
    text.textContent = r ? r.text : t('notVisible');
    if (r) text.lang = r.language;
    const urgency = row.insertCell();
    urgency.textContent = r ? t(r.urgency) : '';
    if (r) urgency.className = `urgency-${r.urgency}`;
    const deadline = row.insertCell();
    deadline.textContent = r && r.deadline ? when(r.deadline) : '';
    if (a.deadlineAtRisk) deadline.append(` (${t('atRisk')})`);
    const conv = row.insertCell();
    const b = el('button', { cls: 'secondary', text: t('open'), attrs: { type: 'button', 'aria-label': `${t('open')} ${a.bookingCode}` } });
    b.addEventListener('click', () => open(a.conversationId));
    conv.append(b);
    // A video appointment: its call, with the conversation's chat beside it (docs/appointments.md "Video call").
    if (a.type === 'video' && joinCall) {
      const j = el('button', { cls: 'call-join', text: t('callJoin'), attrs: { type: 'button', 'aria-label': `${t('callJoin')} ${a.bookingCode}` } });
      j.addEventListener('click', () => joinCall(a.conversationId));
      conv.append(' ', j);
    }
  }
  $('day-caption').textContent = t('dayCaption', { date, count: appointments.length });
  $('day-table').hidden = appointments.length === 0;
  $('day-none').hidden = appointments.length > 0;
  announce(appointments.length ? t('dayCaption', { date, count: appointments.length }) : t('dayNone'));
}

/**
 * A phone appointment: the number to call (a tel: link for a softphone) and "Call done", which records the call once
 * (POST /api/appointments/phone-calls); afterwards the time it was recorded.
 */
function phoneCell(row, a, { status, announce }) {
  const c = row.insertCell();
  if (!a.phone) return;
  c.append(el('a', { text: a.phone, attrs: { href: `tel:${a.phone}`, 'aria-label': t('callNumber', { phone: a.phone }) } }));
  if (a.type !== 'phone') return;
  const done = el('p', { cls: 'phone-done' });
  const show = (at) => { done.textContent = t('phoneDoneAt', { time: when(at, false) }); };
  if (a.phoneCalledAt) {
    show(a.phoneCalledAt);
    c.append(done);
    return;
  }
  const b = el('button', { cls: 'secondary phone-done-button', text: t('phoneDone'), attrs: { type: 'button', 'aria-label': `${t('phoneDone')} ${a.bookingCode}` } });
  b.addEventListener('click', async () => {
    b.disabled = true;
    try {
      const r = await api.phoneDone(a.bookingCode);
      show(r.calledAt);
      b.replaceWith(done);
      announce(done.textContent);
    } catch (err) {
      b.disabled = false;
      status(t('error', { message: problem(err) }));
    }
  });
  c.append(' ', b);
}
