// The queue board: waiting conversations per own queue, live, with wait time and deadline countdown.
import { t } from './i18n.js';
import { el } from '/widget/dom.js';

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

  /**
   * Updates the board in place: a row (and its button) stays in the document while its contact waits, and moves only
   * if its place in the queue changes. A snapshot arriving between mousedown and mouseup therefore does not swallow
   * the click, which fires only when both land on the same, still attached element (issue 14.3).
   */
  render() {
    for (const [queue, items] of this.queues) {
      const box = this.box(queue);
      box.heading.textContent = `${this.queueName(queue)} (${this.totals.get(queue) ?? items.length})`;
      box.none.hidden = items.length > 0;
      box.table.hidden = items.length === 0;
      const keep = new Set(items.map((i) => i.id));
      for (const row of [...box.body.rows]) if (!keep.has(row.dataset.conversation)) row.remove();
      let cursor = box.body.firstElementChild;
      for (const item of items) {
        const row = this.row(box.body, item);
        if (row === cursor) cursor = cursor.nextElementSibling;
        else box.body.insertBefore(row, cursor);
      }
    }
    this.tick();
  }

  /** The section of one queue, made once: heading, "nobody waiting", and the table with its four columns. */
  box(queue) {
    this.boxes = this.boxes || new Map();
    let box = this.boxes.get(queue);
    if (!box) {
      const root = el('div', { cls: 'queue' });
      const heading = el('h3');
      const none = el('p');
      const table = el('table');
      table.createTHead().insertRow();
      const body = table.createTBody();
      root.append(heading, none, table);
      this.root.append(root);
      box = { root, heading, none, table, body };
      this.boxes.set(queue, box);
    }
    box.none.textContent = t('empty');
    const head = box.table.tHead.rows[0];
    head.replaceChildren(...['colUrgency', 'colPreview', 'colWaited', 'colAction'].map((k) => {
      const th = el('th');
      th.scope = 'col';
      th.textContent = t(k);
      return th;
    }));
    return box;
  }

  /**
   * One contact's row, found by its id or made; its first three cells are redrawn: urgency (with the returned badge),
   * the first message's preview with language, channel and identification under it, time waited with the deadline.
   */
  row(body, item) {
    let row = [...body.rows].find((r) => r.dataset.conversation === item.id);
    if (!row) {
      row = el('tr');
      row.dataset.conversation = item.id;
      for (let i = 0; i < 4; i += 1) row.insertCell();
      const take = el('button');
      take.type = 'button';
      take.addEventListener('click', () => this.onClaim(item.id));
      row.cells[3].append(take);
    }
    const [urgency, about, times, action] = row.cells;
    urgency.textContent = t(item.urgency ?? 'non_urgent');
    urgency.className = `urgency-${item.urgency}`;
    if (item.returned) {
      // Back from someone who left (lease ran out, handed back): first in its urgency, and the board says why.
      const badge = el('span', { cls: 'badge' });
      badge.textContent = t(`returned_${item.returned}`);
      urgency.append(' ', badge);
      row.dataset.returned = item.returned;
    } else {
      delete row.dataset.returned;
    }
    about.className = 'preview';
    // The resident's own words (de-identified, cut; docs/audit.md A3), in the resident's language.
    const preview = el('span', { cls: 'preview-text' });
    preview.textContent = item.preview ?? t('noPreview');
    if (item.preview) preview.lang = item.language;
    // A proxy contact shows only its relation here, never whom it is for (docs/identification.md, "Proxy use").
    const proxy = item.proxy ? ` · ${t('proxyBoard', { relation: t(`proxy_${item.proxy}`) })}` : '';
    about.replaceChildren(preview, sub(`${item.language} · ${t(item.channel)} · ${t(item.identificationLevel)}${proxy}`));
    const since = el('span');
    since.dataset.since = item.queuedAt;
    const deadline = el('span');
    deadline.textContent = '–';
    if (item.deadline) deadline.dataset.deadline = item.deadline;
    const due = sub(`${t('colDeadline')} `);
    due.append(deadline);
    times.replaceChildren(since, due);
    action.firstElementChild.textContent = t('take');
    return row;
  }
}

function sub(text) {
  return el('span', { cls: 'sub', text });
}

function duration(ms) {
  const s = Math.floor(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h > 0 ? `${h} h ${m} min` : `${m} min ${s % 60} s`;
}
