// One open conversation: transcript (always rendered as text), reply, notes, canned replies, transfer, close.
// What the view offers follows the conversation's state on every frame: only its assignee gets the reply and the
// actions; anyone else reads, may write a note, and is told in words what happened (docs/console.md).
import { t, dateTime, time } from './i18n.js';
import { reason as triageReason, firedReason, serviceName } from './reasons.js';
import { el, $ } from '/widget/dom.js';

let counter = 0;
const newId = () => `pro-${Date.now().toString(36)}-${(counter++).toString(36)}`;

export class ConversationView {
  constructor(socket, content, announce, me) {
    this.socket = socket;
    this.me = me;
    this.content = content;
    this.announce = announce;
    this.current = null;
    this.section = $('conversation');
    this.transcript = $('transcript');
    this.pending = new Map();
    // Two separate actions: a reply can never become a note (or a note a reply) because of a forgotten setting.
    $('reply-form').addEventListener('submit', (e) => { e.preventDefault(); this.send(false); });
    $('send-note').addEventListener('click', () => this.send(true));
    $('conv-take').addEventListener('click', () => this.act('claim'));
    $('reply').addEventListener('input', () => this.typing());
    $('canned').addEventListener('change', (e) => this.useCanned(e.target));
    $('transfer-form').addEventListener('submit', (e) => { e.preventDefault(); this.transfer(); });
    $('not-emergency-form').addEventListener('submit', (e) => { e.preventDefault(); this.notEmergency(); });
    $('release').addEventListener('click', () => this.act('release'));
    $('close-form').addEventListener('submit', (e) => {
      e.preventDefault();
      this.act('close', { outcome: $('outcome').value });
    });
    this.lastTyping = 0;
  }

  show(frame) {
    const c = frame.conversation;
    this.current = c.id;
    this.section.hidden = false;
    this.meta(c);
    this.why(frame.triage);
    this.urgency(c.urgency);
    this.transcript.replaceChildren();
    frame.messages.forEach((m) => this.append(m));
    this.fillSelect('transfer-queue', this.content.queues.filter((q) => q.id !== c.queue).map((q) => [q.id, q.name]));
    this.fillSelect('outcome', this.content.outcomes.map((o) => [o.code, o.name]));
    this.fillSelect('canned', [['', t('cannedNone')], ...(this.content.canned[c.queue] || []).map((r) => [r.id, r.title])]);
    this.follow(c.state, c.assigneeId, null);
    $('conv-h').focus?.();
    $('reply').focus();
  }

  /**
   * Shows what this professional may do now: the assignee replies and acts; anyone else reads, takes a queued
   * conversation over or writes a note. The notice says in the console's language what the last step was.
   */
  follow(state, assigneeId, event, assigneeName) {
    const mine = state === 'assigned' && assigneeId === this.me().id;
    $('send-reply').hidden = !mine;
    $('canned').disabled = !mine;
    $('conv-actions').hidden = !mine;
    $('conv-take').hidden = state !== 'queued';
    let notice = '';
    if (!mine) {
      if (event && t(`ev_${event}`) !== `ev_${event}`) notice = t(`ev_${event}`, { name: assigneeName || '' });
      else if (state === 'assigned') notice = t('takenBy', { name: assigneeName || t('colleague') });
      else notice = t(`st_${state}`);
    }
    $('conv-notice').textContent = notice;
    return notice;
  }

  meta(c) {
    const dl = $('conv-meta');
    dl.replaceChildren();
    // Shown by name in the console's language; data-value keeps the code for the code that needs it (issue 14.7).
    const queueName = (id) => this.content.queues.find((q) => q.id === id)?.name ?? id;
    const rows = [['state', t(`state_${c.state}`), c.state], ['urgency', t(c.urgency ?? 'non_urgent'), c.urgency],
      ['service', c.service && serviceName(c.service), c.service], ['queue', c.queue && queueName(c.queue), c.queue],
      ['deadline', dateTime(c.deadline), c.deadline]];
    for (const [k, v, code] of rows) {
      const dd = el('dd', { text: v ?? '–', attrs: { 'data-field': k, 'data-value': code ?? '' } });
      if (k === 'state') dd.dataset.state = c.state;
      dl.append(el('dt', { text: t(k) }), dd);
    }
  }

  why(triage) {
    const ul = $('triage-list');
    ul.replaceChildren();
    if (!triage) return;
    const explained = (triage.explanation || []).map(triageReason);
    const reasons = explained.length ? explained : (triage.fired || []).map(firedReason);
    const lines = [...reasons, ...(triage.faq || []).map((f) => t('why_faq_seen', { faq: f.id, question: f.question }))];
    for (const line of lines) {
      ul.append(el('li', { text: line }));
    }
  }

  append(m) {
    if (m.conversationId && m.conversationId !== this.current) return;
    if (this.transcript.querySelector(`[data-seq="${m.seq}"]`)) return;
    const name = m.author === 'resident' ? t('resident') : m.author === 'bot' ? t('bot') : m.authorName;
    const who = el('span', { cls: 'author', text: `${m.internal ? t('note') + ' – ' : ''}${name} ${time(m.at)}` });
    const li = el('li', { cls: m.internal ? 'internal' : m.author, attrs: { 'data-seq': m.seq } },
      who, el('span', { cls: 'text', text: m.text }), el('span', { cls: 'delivery' }));
    // The resident's words are in a language the console does not know: lang="" says so to a screen reader.
    li.lang = m.author === 'resident' ? '' : document.documentElement.lang;
    this.transcript.append(li);
    this.transcript.scrollTop = this.transcript.scrollHeight;
    if (m.author === 'resident') {
      this.announce(t('newMessage'));
      this.socket.send({ type: 'delivered', conversationId: this.current, seq: m.seq });
    }
  }

  send(internal) {
    const box = $('reply');
    const text = box.value.trim();
    if (!text || !this.current) { box.focus(); return; }
    const clientMsgId = newId();
    // `ref` comes back on an error, so a reply the service could not store can be put back in the box.
    if (this.socket.send({ type: internal ? 'note' : 'message', conversationId: this.current, clientMsgId, text, ref: clientMsgId })) {
      this.pending.set(clientMsgId, { conversationId: this.current, text, internal });
      box.value = '';
      $('canned').value = '';
      box.focus();
    }
  }

  /** The service could not store a reply (database away): nothing typed is lost, it goes back into the box. */
  unsent(frame) {
    const reply = this.pending.get(frame.ref);
    if (!reply) return;
    this.pending.delete(frame.ref);
    const box = $('reply');
    if (reply.conversationId !== this.current) return;
    // Whatever was typed since stays, after the reply that was not sent.
    // Reply and note are separate buttons: she sends it again with the one she meant.
    box.value = box.value.trim() ? `${reply.text}\n\n${box.value}` : reply.text;
  }

  ack(frame) {
    this.pending.delete(frame.clientMsgId);
    const li = this.transcript.querySelector(`[data-seq="${frame.seq}"] .delivery`);
    if (li) li.textContent = ` · ${t('sent')}`;
  }

  receipt(frame) {
    for (const li of this.transcript.querySelectorAll('li.professional')) {
      if (Number(li.dataset.seq) <= frame.seq) li.querySelector('.delivery').textContent = ` · ${t('delivered')}`;
    }
  }

  typing() {
    const now = Date.now();
    if (this.current && now - this.lastTyping > 3000) {
      this.lastTyping = now;
      this.socket.send({ type: 'typing', conversationId: this.current });
    }
  }

  residentTyping(frame) {
    if (frame.conversationId !== this.current) return;
    const p = $('typing');
    p.textContent = t('residentTyping');
    clearTimeout(this.typingTimer);
    this.typingTimer = setTimeout(() => { p.textContent = ''; }, 4000);
  }

  useCanned(select) {
    const reply = (this.content.canned[this.queueOf()] || []).find((r) => r.id === select.value);
    if (reply) $('reply').value = reply.text;
  }

  queueOf() {
    return document.querySelector('#conv-meta [data-field="queue"]')?.dataset.value;
  }

  transfer() {
    const queue = $('transfer-queue').value;
    const reason = $('transfer-reason').value.trim();
    if (!reason) { $('transfer-reason').focus(); return; }
    this.act('transfer', { queue, reason });
  }

  /** "Not an emergency" (issue 12): the assignee sets the urgency it really has; it becomes a triage correction. */
  notEmergency() {
    const reason = $('corrected-reason').value.trim();
    if (!reason) { $('corrected-reason').focus(); return; }
    this.act('correct_urgency', { urgency: $('corrected-urgency').value, reason });
    $('corrected-reason').value = '';
  }

  /** The correction form is offered only for a contact the triage raised as an emergency. */
  urgency(u) {
    const dd = document.querySelector('#conv-meta [data-field="urgency"]');
    if (dd && u) { dd.textContent = t(u); dd.dataset.value = u; }
    $('not-emergency-form').hidden = u !== 'emergency';
  }

  act(type, extra = {}) {
    if (this.current) this.socket.send({ type, conversationId: this.current, ...extra });
  }

  state(frame) {
    if (frame.conversationId !== this.current) return;
    const dd = document.querySelector('#conv-meta [data-field="state"]');
    if (dd) { dd.textContent = t(`state_${frame.state}`); dd.dataset.value = frame.state; dd.dataset.state = frame.state; }
    const q = document.querySelector('#conv-meta [data-field="queue"]');
    if (q && frame.queue) {
      q.textContent = this.content.queues.find((x) => x.id === frame.queue)?.name ?? frame.queue;
      q.dataset.value = frame.queue;
    }
    if (frame.urgency) this.urgency(frame.urgency);
    const notice = this.follow(frame.state, frame.assigneeId, frame.event, frame.assignee && frame.assignee.name);
    if (notice) this.announce(notice);
  }

  /** The conversation moved out of this professional's queues: its content leaves the screen too. */
  revoked(frame) {
    if (frame.conversationId !== this.current) return;
    this.current = null;
    this.transcript.replaceChildren();
    this.section.hidden = true;
    this.announce(t('revoked'));
  }

  fillSelect(id, pairs) {
    const select = $(id);
    select.replaceChildren(...pairs.map(([value, label]) => {
      return el('option', { text: label, attrs: { value } });
    }));
  }
}
