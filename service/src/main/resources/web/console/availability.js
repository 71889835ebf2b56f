// Availability: list a queue's slots, add a one-off slot or a weekly pattern, cancel a free slot, end a pattern.
// REST: /api/availability (docs/appointments.md); every change carries the CSRF header (api.js).
import { api } from './api.js';
import { t } from './i18n.js';
import { isoDay, when, cell, problem } from './plan.js';
import { el, $ } from '/widget/dom.js';

let wired = false;
let ctx = null;

export function setUpAvailability(content, { status, announce }) {
  ctx = { status, announce };
  const mine = content.queues.filter((q) => q.mine);
  for (const select of document.querySelectorAll('select.my-queues')) {
    select.replaceChildren(...mine.map((q) => el('option', { text: q.name, attrs: { value: q.id } })));
  }
  $('avail-from').value = $('avail-from').value || isoDay();
  $('avail-to').value = $('avail-to').value || isoDay(14);
  $('pattern-from').value = $('pattern-from').value || isoDay();
  if (!wired) {
    wired = true;
    $('avail-list-form').addEventListener('submit', (e) => { e.preventDefault(); listSlots(); });
    $('slot-form').addEventListener('submit', (e) => { e.preventDefault(); addSlot(); });
    $('pattern-form').addEventListener('submit', (e) => { e.preventDefault(); addPattern(); });
  }
  if (!mine.length) return Promise.resolve();
  return Promise.all([listSlots(), listPatterns()]);
}

async function listSlots() {
  const queue = $('avail-queue').value;
  let slots;
  try {
    ({ slots } = await api.slots(queue, $('avail-from').value, $('avail-to').value));
  } catch (err) {
    ctx.status(t('error', { message: problem(err) }));
    return;
  }
  const body = $('slot-table').tBodies[0];
  body.replaceChildren();
  for (const s of slots) {
    const row = body.insertRow();
    row.dataset.slot = s.id;
    cell(row, `${when(s.start)}–${when(s.end, false)}`);
    cell(row, t(`type${s.type[0].toUpperCase()}${s.type.slice(1)}`));
    cell(row, s.professional ? s.professional.name : '');
    const state = s.cancelled ? 'cancelled' : s.booked ? 'booked' : 'free';
    row.dataset.state = state;
    cell(row, t(state));
    const action = row.insertCell();
    if (state === 'free') {
      const b = el('button', { cls: 'secondary', text: t('cancel'), attrs: { type: 'button', 'aria-label': t('cancelSlot', { time: when(s.start) }) } });
      b.addEventListener('click', () => cancelSlot(s.id));
      action.append(b);
    }
  }
  const queueName = $('avail-queue').selectedOptions[0]?.textContent || queue;
  $('slot-caption').textContent = t('slotCaption', { queue: queueName, count: slots.length });
  $('slot-table').hidden = slots.length === 0;
  $('slot-none').hidden = slots.length > 0;
}

async function cancelSlot(id) {
  try {
    await api.cancelSlot(id);
    ctx.announce(t('slotCancelled'));
  } catch (err) {
    ctx.status(t('error', { message: problem(err) }));
  }
  await listSlots();
}

async function addSlot() {
  $('slot-error').textContent = '';
  try {
    await api.addSlot({ queue: $('slot-queue').value, type: $('slot-type').value, start: $('slot-start').value,
      minutes: Number($('slot-minutes').value) });
  } catch (err) {
    $('slot-error').textContent = problem(err);
    return;
  }
  ctx.announce(t('slotAdded'));
  $('avail-queue').value = $('slot-queue').value;
  await listSlots();
}

async function addPattern() {
  $('pattern-error').textContent = '';
  const body = { queue: $('pattern-queue').value, type: $('pattern-type').value, weekday: $('pattern-weekday').value,
    start: $('pattern-start').value, end: $('pattern-end').value, slotMinutes: Number($('pattern-minutes').value) };
  if ($('pattern-from').value) body.validFrom = $('pattern-from').value;
  if ($('pattern-until').value) body.validUntil = $('pattern-until').value;
  let res;
  try {
    res = await api.addPattern(body);
  } catch (err) {
    $('pattern-error').textContent = problem(err);
    return;
  }
  ctx.announce(t('patternAdded', { count: res.slotsCreated }));
  await Promise.all([listSlots(), listPatterns()]);
}

async function listPatterns() {
  let patterns;
  try {
    ({ patterns } = await api.patterns());
  } catch (err) {
    ctx.status(t('error', { message: problem(err) }));
    return;
  }
  const list = $('pattern-list');
  list.replaceChildren();
  if (!patterns.length) {
    list.append(el('li', { text: t('patternNone') }));
  }
  for (const p of patterns) {
    const li = el('li', { attrs: { 'data-pattern': p.id } });
    const what = `${t(`wd_${p.weekday}`)} ${p.start}–${p.end}, ${p.queue}, ${t(`type${p.type[0].toUpperCase()}${p.type.slice(1)}`)}, ${p.slotMinutes} min`;
    li.append(what, ' ');
    const b = el('button', { cls: 'secondary', text: t('endPatternShort'), attrs: { type: 'button', 'aria-label': t('endPattern', { what }) } });
    b.addEventListener('click', async () => {
      try {
        const r = await api.endPattern(p.id);
        ctx.announce(t('patternEnded', { count: r.slotsCancelled }));
      } catch (err) {
        ctx.status(t('error', { message: problem(err) }));
      }
      await Promise.all([listSlots(), listPatterns()]);
    });
    li.append(b);
    list.append(li);
  }
}
