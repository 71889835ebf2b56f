// The queue board: waiting conversations per own queue, live, with wait time and deadline countdown.
import { t } from './i18n.js';

const RENOTIFY_MS = 5 * 60 * 1000;

export class Board {
  constructor(root, { onClaim, queueName }) {
    this.root = root;
    this.onClaim = onClaim;
    this.queueName = queueName;
    this.queues = new Map();
    this.notified = new Map();
    this.notify = false;
    setInterval(() => this.tick(), 1000);
  }

  snapshot(frame) {
    const before = this.queues.get(frame.queue);
    this.queues.set(frame.queue, frame.items);
    this.totals = this.totals || new Map();
    this.totals.set(frame.queue, frame.total ?? frame.items.length);
    if (before) {
      const known = new Set(before.map((i) => i.id));
      for (const item of frame.items) {
        if (!known.has(item.id)) this.alert(t('newInQueue', { queue: this.queueName(frame.queue) }), item.id);
      }
    } else {
      frame.items.forEach((i) => this.notified.set(i.id, Date.now()));
    }
    this.render();
  }

  alert(text, id) {
    this.notified.set(id, Date.now());
    if (!this.notify) return;
    if ('Notification' in window && Notification.permission === 'granted') new Notification('Ikkuna', { body: text });
    try {
      const ctx = new AudioContext();
      const osc = ctx.createOscillator();
      osc.connect(ctx.destination);
      osc.frequency.value = 880;
      osc.start();
      osc.stop(ctx.currentTime + 0.2);
    } catch { /* sound is optional */ }
  }

  tick() {
    const now = Date.now();
    for (const [queue, items] of this.queues) {
      for (const item of items) {
        const last = this.notified.get(item.id) ?? now;
        if (now - last > RENOTIFY_MS) this.alert(t('stillWaiting', { queue: this.queueName(queue) }), item.id);
      }
    }
    for (const cell of this.root.querySelectorAll('[data-since]')) cell.textContent = duration(now - Date.parse(cell.dataset.since));
    for (const cell of this.root.querySelectorAll('[data-deadline]')) {
      const left = Date.parse(cell.dataset.deadline) - now;
      cell.textContent = left < 0 ? `${t('overdue')} ${duration(-left)}` : duration(left);
      cell.classList.toggle('late', left < 0);
    }
  }

  render() {
    this.root.replaceChildren();
    for (const [queue, items] of this.queues) {
      const box = el('div', 'queue');
      const h = el('h3');
      h.textContent = `${this.queueName(queue)} (${this.totals.get(queue) ?? items.length})`;
      box.append(h);
      if (items.length === 0) {
        const p = el('p');
        p.textContent = t('empty');
        box.append(p);
      } else {
        box.append(this.table(items));
      }
      this.root.append(box);
    }
    this.tick();
  }

  table(items) {
    const table = el('table');
    const head = table.createTHead().insertRow();
    for (const k of ['colUrgency', 'colWaited', 'colDeadline', 'colLang', 'colChannel', 'colId', 'colAction']) {
      const th = el('th');
      th.scope = 'col';
      th.textContent = t(k);
      head.append(th);
    }
    const body = table.createTBody();
    for (const item of items) {
      const row = body.insertRow();
      row.dataset.conversation = item.id;
      const urgency = cell(row, t(item.urgency ?? 'non_urgent'));
      urgency.className = `urgency-${item.urgency}`;
      if (item.returned) {
        // Back from someone who left (lease ran out, handed back): first in its urgency, and the board says why.
        const badge = el('span', 'badge');
        badge.textContent = t(`returned_${item.returned}`);
        urgency.append(' ', badge);
        row.dataset.returned = item.returned;
      }
      cell(row, '').dataset.since = item.queuedAt;
      const d = cell(row, '–');
      if (item.deadline) d.dataset.deadline = item.deadline;
      cell(row, item.language);
      cell(row, t(item.channel));
      cell(row, t(item.identificationLevel));
      const take = el('button');
      take.type = 'button';
      take.textContent = t('take');
      take.addEventListener('click', () => this.onClaim(item.id));
      row.insertCell().append(take);
    }
    return table;
  }
}

function el(tag, cls) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  return e;
}

function cell(row, text) {
  const c = row.insertCell();
  c.textContent = text;
  return c;
}

function duration(ms) {
  const s = Math.floor(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h > 0 ? `${h} h ${m} min` : `${m} min ${s % 60} s`;
}
