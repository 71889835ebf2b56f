// Remote appointment (etävastaanotto): describe the need → triage on the server → emergency guidance, or slots to
// choose from → minimum contact detail → booking code and a link to view or cancel. API: docs/appointments.md.
import { t, lang } from './i18n.js';
import { el, $, setText } from './dom.js';
import { codedFieldErrors as fieldErrors, dateTime, slotLabel } from './apptext.js';

const MAX_TEXT = 4000;

export class Appointment {
  constructor({ showEmergency, back }) {
    this.showEmergency = showEmergency;
    this.request = null;
    this.redraw = null;
    $('appt-form').addEventListener('submit', (e) => { e.preventDefault(); this.ask(); });
    $('appt-back').addEventListener('click', back);
  }

  open() {
    $('appt-title').focus();
  }

  /** After a language change: the static texts follow data-i18n, the drawn step is drawn again. */
  relabel() {
    if (this.redraw) this.redraw();
  }

  status(key, vars) {
    this.statusKey = key ? [key, vars] : null;
    setText('appt-status', key ? t(key, vars) : '');
  }

  async ask() {
    const text = $('a-text').value.trim();
    const ageText = $('a-age').value.trim();
    const errors = {};
    if (!text) errors.text = t('appt.errors.needMissing');
    else if (text.length > MAX_TEXT) errors.text = t('composer.tooLong', { max: MAX_TEXT, over: text.length - MAX_TEXT });
    if (ageText && !(/^[0-9]{1,3}$/.test(ageText) && Number(ageText) <= 130)) errors.age = t('appt.errors.age');
    if (!this.showErrors(errors, { text: 'a-text', age: 'a-age' })) return;
    const body = { text, language: lang() };
    if (ageText) body.age = Number(ageText);
    const type = document.querySelector('input[name="atype"]:checked').value;
    if (type) body.type = type;
    this.status('appt.searching');
    $('a-find').disabled = true;
    try {
      const res = await fetch('/api/appointments/requests', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      const json = await res.json().catch(() => ({}));
      if (res.status === 400 && json.error && json.error.code === 'invalid_fields') {
        this.status();
        this.showErrors(fieldErrors(json), { text: 'a-text', age: 'a-age' });
        return;
      }
      if (!res.ok) { this.status('error.generic'); return; }
      this.request = json;
      this.offer(json);
    } catch (e) {
      this.status('error.generic');
    } finally {
      $('a-find').disabled = false;
    }
  }

  /** Puts each message next to its field (aria-invalid, aria-describedby) and focuses the first bad field. */
  showErrors(errors, ids) {
    let first = null;
    for (const [name, id] of Object.entries(ids)) {
      const msg = errors[name];
      setText(`${id}-error`, msg || '');
      $(id).setAttribute('aria-invalid', msg ? 'true' : 'false');
      if (msg && !first) first = id;
    }
    if (first) $(first).focus();
    return !first;
  }

  offer(r) {
    const box = $('appt-result');
    box.replaceChildren();
    this.redraw = () => this.offer(r);
    if (r.emergency) {
      this.showEmergency(r.safety || []);
      $('appt-form').hidden = true;
      this.status('appt.emergency');
      box.appendChild(el('p', { cls: 'error', text: t('appt.emergencyNoBooking'), attrs: { id: 'appt-emergency' } }));
      return;
    }
    $('appt-form').hidden = true;
    for (const reply of r.replies || []) {
      box.appendChild(el('p', { cls: 'msg msg--bot', text: reply.text }));
    }
    if (r.deadlineAtRisk) {
      box.appendChild(el('p', { cls: 'notice', attrs: { id: 'appt-at-risk' }, text: t('appt.atRisk') }));
    }
    const slots = r.slots || [];
    if (!slots.length) {
      this.status('appt.noSlots');
      return;
    }
    this.status('appt.found', { count: slots.length });
    const form = el('form', { cls: 'pane__form', attrs: { id: 'slot-form', novalidate: '' } });
    const set = el('fieldset', { attrs: { 'aria-describedby': 'slot-error' } }, el('legend', { text: t('appt.choose') }));
    slots.forEach((s, i) => {
      const id = `slot-${i}`;
      const input = el('input', { attrs: { type: 'radio', name: 'slot', id, value: s.id, 'data-type': s.type } });
      input.addEventListener('change', () => this.togglePhone());
      const label = el('label', { cls: 'slot', attrs: { for: id } }, input, el('span', { text: slotLabel(s) }));
      if (s.insideDeadline) label.appendChild(el('strong', { cls: 'slot__ok', text: ` ${t('appt.inside')}` }));
      set.appendChild(label);
    });
    form.appendChild(set);
    form.appendChild(el('p', { cls: 'error', attrs: { id: 'slot-error' } }));
    const phoneBox = el('div', { attrs: { id: 'phone-box' } },
      el('label', { attrs: { for: 'a-phone' } }, el('span', { text: t('appt.phone') }), el('span', { cls: 'req', text: ` ${t('forms.requiredMark')}` })),
      el('input', { attrs: { id: 'a-phone', type: 'tel', autocomplete: 'tel', 'aria-describedby': 'a-phone-help a-phone-error' } }),
      el('p', { cls: 'small', attrs: { id: 'a-phone-help' }, text: t('appt.phoneHelp') }),
      el('p', { cls: 'error', attrs: { id: 'a-phone-error' } }));
    phoneBox.hidden = true;
    form.appendChild(phoneBox);
    form.appendChild(el('button', { cls: 'btn', text: t('appt.book'), attrs: { type: 'submit', id: 'a-book' } }));
    form.addEventListener('submit', (e) => { e.preventDefault(); this.book(); });
    box.appendChild(form);
  }

  togglePhone() {
    const chosen = document.querySelector('input[name="slot"]:checked');
    $('phone-box').hidden = !(chosen && chosen.dataset.type === 'phone');
  }

  async book() {
    const chosen = document.querySelector('input[name="slot"]:checked');
    setText('slot-error', chosen ? '' : t('appt.errors.slot'));
    if (!chosen) { document.querySelector('input[name="slot"]').focus(); return; }
    const body = { requestId: this.request.requestId, slotId: chosen.value };
    if (chosen.dataset.type === 'phone') {
      const phone = $('a-phone').value.trim();
      const bad = !phone ? t('forms.required') : !/^\+?[0-9 ()-]{7,20}$/.test(phone) ? t('appt.errors.phone') : null;
      if (!this.showErrors({ phone: bad }, { phone: 'a-phone' })) return;
      body.contact = { phone };
    }
    $('a-book').disabled = true;
    try {
      const res = await fetch('/api/appointments/bookings', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      const json = await res.json().catch(() => ({}));
      const code = json.error && json.error.code;
      if (res.status === 400 && code === 'invalid_fields') {
        const errs = fieldErrors(json);
        this.showErrors({ phone: errs['contact.phone'] ? t('appt.errors.phone') : null }, { phone: 'a-phone' });
        return;
      }
      if (code === 'slot_taken' || code === 'slot_unavailable') {
        chosen.closest('label').remove();
        chosen.checked = false;
        setText('slot-error', t('appt.errors.taken'));
        const next = document.querySelector('input[name="slot"]');
        if (next) next.focus(); else this.status('appt.noSlots');
        return;
      }
      if (!res.ok) { this.status('error.generic'); return; }
      this.booked(json);
    } catch (e) {
      this.status('error.generic');
    } finally {
      if ($('a-book')) $('a-book').disabled = false;
    }
  }

  booked(b) {
    this.redraw = () => this.booked(b);
    const box = $('appt-result');
    const link = `booking.html?lang=${lang()}#${b.token}`;
    box.replaceChildren(el('div', { cls: 'done', attrs: { id: 'appt-done' } },
      el('h3', { text: t('appt.bookedTitle'), attrs: { id: 'appt-done-title', tabindex: '-1' } }),
      el('p', {}, el('span', { text: `${t('appt.code')}: ` }), el('strong', { text: b.code, attrs: { id: 'appt-code' } })),
      el('p', { text: slotLabel(b.slot) }),
      el('p', { text: t('appt.keepLink') }),
      el('a', { text: t('appt.viewLink'), attrs: { id: 'appt-link', href: link, target: '_blank', rel: 'noopener' } })));
    this.status('appt.booked', { code: b.code, when: dateTime(b.slot.start) });
    $('appt-done-title').focus();
  }
}
