// Forms: any form rendered from its definition (GET /api/forms/{id}), checked here with the definition's own error
// texts and again on the server; errors sit next to their fields and are announced. API: docs/forms.md.
import { t, lang } from './i18n.js';
import { el, $, setText } from './dom.js';
import { fieldErrors } from './apptext.js';

const PHONE_CHARS = /^[0-9+ ()-]{6,32}$/;
const PHONE = /^(\+[1-9][0-9]{6,14}|0[0-9]{6,12})$/;
const EMAIL = /^[^@\s"<>,;]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)+$/;

export class Forms {
  constructor({ showEmergency, back, identifiedToken }) {
    this.showEmergency = showEmergency;
    // The tab's resume token while its conversation is strongly identified: a form sent then is the person's (data-rights.md).
    this.identifiedToken = identifiedToken || (() => null);
    this.def = null;
    this.redraw = null;
    $('forms-back').addEventListener('click', back);
  }

  async open() {
    $('forms-title').focus();
    if (!this.def) await this.list();
  }

  /** Straight to one form: the contact request a closed or unstaffed chat offers. */
  async openForm(id) {
    await this.choose(id);
  }

  /** A language change draws the list or the form again in the new language, keeping what was typed. */
  async relabel() {
    if (this.redraw) await this.redraw();
  }

  status(key, vars) {
    setText('forms-status', key ? t(key, vars) : '');
  }

  async list() {
    this.redraw = () => this.list();
    this.def = null;
    try {
      const res = await fetch(`/api/forms?lang=${lang()}`, { cache: 'no-store' });
      const { forms } = await res.json();
      const ul = el('ul', { cls: 'formlist', attrs: { id: 'form-list' } });
      for (const f of forms) {
        const b = el('button', { cls: 'btn btn--secondary', text: f.title, attrs: { type: 'button', 'data-form': f.id } });
        b.addEventListener('click', () => this.choose(f.id));
        ul.appendChild(el('li', {}, b, f.intro ? el('p', { cls: 'small', text: f.intro }) : null));
      }
      $('forms-body').replaceChildren(el('p', { text: t('forms.pick') }), ul);
    } catch (e) {
      this.status('error.generic');
    }
  }

  async choose(id, keep) {
    const res = await fetch(`/api/forms/${encodeURIComponent(id)}?lang=${lang()}`, { cache: 'no-store' });
    if (!res.ok) { this.status('error.generic'); return; }
    this.def = await res.json();
    this.redraw = () => this.choose(id, this.values());
    this.render(this.def, keep);
    if (!keep) $('form-title').focus();
  }

  render(def, keep) {
    const form = el('form', { cls: 'pane__form', attrs: { id: 'form-view', novalidate: '', 'aria-labelledby': 'form-title', 'data-form': def.id } });
    form.appendChild(el('h3', { text: def.title, attrs: { id: 'form-title', tabindex: '-1' } }));
    if (def.intro) form.appendChild(el('p', { text: def.intro }));
    form.appendChild(el('p', { cls: 'small', text: t('forms.requiredNote') }));
    if (this.identifiedToken()) form.appendChild(el('p', { cls: 'small', text: t('mydata.formLinked'), attrs: { id: 'form-identified' } }));
    form.appendChild(el('div', { cls: 'summary', attrs: { id: 'form-errors', tabindex: '-1' } }));
    for (const f of def.fields) form.appendChild(this.field(f));
    form.appendChild(el('button', { cls: 'btn', text: t('forms.send'), attrs: { type: 'submit', id: 'form-send' } }));
    const other = el('button', { cls: 'btn btn--link', text: t('forms.other'), attrs: { type: 'button', id: 'form-other' } });
    other.addEventListener('click', async () => { await this.list(); $('forms-title').focus(); });
    form.appendChild(other);
    form.addEventListener('submit', (e) => { e.preventDefault(); this.submit(); });
    $('forms-body').replaceChildren(form);
    form.querySelector('#form-errors').hidden = true;
    if (keep) this.restore(keep);
  }

  headers() {
    const token = this.identifiedToken();
    return token ? { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` } : { 'Content-Type': 'application/json' };
  }

  field(f) {
    const id = `f-${f.name}`;
    const described = [f.help ? `${id}-help` : null, `${id}-error`].filter(Boolean).join(' ');
    const attrs = { id, name: f.name, 'aria-describedby': described, 'aria-invalid': 'false' };
    if (f.required) attrs['aria-required'] = 'true';
    const label = el('label', { attrs: { for: id } }, el('span', { text: f.label }),
      f.required ? el('span', { cls: 'req', text: ` ${t('forms.requiredMark')}` }) : null);
    let input;
    if (f.type === 'text') {
      input = el(f.multiline ? 'textarea' : 'input', { attrs: f.multiline ? { ...attrs, rows: '4' } : { ...attrs, type: 'text' } });
    } else if (f.type === 'choice') {
      input = el('select', { attrs }, el('option', { text: t('forms.choose'), attrs: { value: '' } }),
        ...f.choices.map((c) => el('option', { text: c.label, attrs: { value: c.value } })));
    } else if (f.type === 'date') {
      input = el('input', { attrs: { ...attrs, type: 'text', inputmode: 'numeric', autocomplete: 'off', placeholder: t('forms.datePlaceholder') } });
    } else if (f.type === 'phone') {
      input = el('input', { attrs: { ...attrs, type: 'tel', autocomplete: 'tel' } });
    } else if (f.type === 'email') {
      input = el('input', { attrs: { ...attrs, type: 'email', autocomplete: 'email' } });
    } else {
      input = el('input', { attrs: { ...attrs, type: 'checkbox' } });
    }
    const help = f.help || f.type === 'date'
      ? el('p', { cls: 'small', text: [f.help, f.type === 'date' ? t('forms.dateHelp') : null].filter(Boolean).join(' '), attrs: { id: `${id}-help` } })
      : null;
    if (help && !f.help) input.setAttribute('aria-describedby', `${id}-help ${id}-error`);
    const error = el('p', { cls: 'error', attrs: { id: `${id}-error` } });
    const box = f.type === 'consent'
      ? el('div', { cls: 'field field--consent', attrs: { 'data-field': f.name } }, el('div', { cls: 'check' }, input, label), help, error)
      : el('div', { cls: 'field', attrs: { 'data-field': f.name } }, label, input, help, error);
    return box;
  }

  values() {
    const out = {};
    if (!this.def || !$('form-view')) return out;
    for (const f of this.def.fields) {
      const input = $(`f-${f.name}`);
      out[f.name] = f.type === 'consent' ? input.checked : input.value;
    }
    return out;
  }

  restore(values) {
    for (const f of this.def.fields) {
      const input = $(`f-${f.name}`);
      if (!(f.name in values)) continue;
      if (f.type === 'consent') input.checked = values[f.name]; else input.value = values[f.name];
    }
  }

  /** The first failing check of one field, as the server would answer it: [code, text] or null. */
  check(f, v) {
    const text = (code) => [code, (f.errors && f.errors[code]) || t('forms.invalid')];
    if (f.type === 'consent') return f.required && v !== true ? text('consent_required') : null;
    const s = String(v || '').trim();
    if (!s) return f.required ? text('required') : null;
    if (f.type === 'text') {
      if ([...s].length > (f.maxLength || 2000)) return text('too_long');
      if (f.pattern && !new RegExp(`^(?:${f.pattern})$`, 'u').test(s)) return text('pattern');
    } else if (f.type === 'choice') {
      if (!f.choices.some((c) => c.value === s)) return text('invalid_choice');
    } else if (f.type === 'date') {
      const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
      const real = d && new Date(Date.UTC(+d[1], +d[2] - 1, +d[3])).toISOString().slice(0, 10) === s;
      if (!real) return text('invalid_date');
      if (f.min && s < f.min) return text('date_too_early');
      if (f.max && s > f.max) return text('date_too_late');
    } else if (f.type === 'phone') {
      if (!PHONE_CHARS.test(s) || !PHONE.test(s.replace(/[ ()-]/g, ''))) return text('invalid_phone');
    } else if (f.type === 'email') {
      if (s.length > 254 || !EMAIL.test(s)) return text('invalid_email');
    }
    return null;
  }

  /** Marks every field (aria-invalid, message in its described-by error) and fills the focused error summary. */
  showErrors(errors) {
    const summary = $('form-errors');
    const bad = this.def.fields.filter((f) => errors[f.name]);
    for (const f of this.def.fields) {
      setText(`f-${f.name}-error`, errors[f.name] || '');
      $(`f-${f.name}`).setAttribute('aria-invalid', errors[f.name] ? 'true' : 'false');
    }
    if (!bad.length) {
      summary.hidden = true;
      summary.replaceChildren();
      return true;
    }
    const list = el('ul');
    for (const f of bad) {
      const a = el('a', { text: `${f.label}: ${errors[f.name]}`, attrs: { href: `#f-${f.name}` } });
      a.addEventListener('click', (e) => { e.preventDefault(); $(`f-${f.name}`).focus(); });
      list.appendChild(el('li', {}, a));
    }
    summary.replaceChildren(el('h4', { text: t('forms.errorsTitle', { count: bad.length }), attrs: { id: 'form-errors-title' } }), list);
    summary.hidden = false;
    this.status('forms.errorsTitle', { count: bad.length });
    summary.focus();
    return false;
  }

  async submit() {
    const values = this.values();
    const errors = {};
    for (const f of this.def.fields) {
      const e = this.check(f, values[f.name]);
      if (e) errors[f.name] = e[1];
    }
    if (!this.showErrors(errors)) return;
    const body = { language: this.def.language || lang(), values: {} };
    for (const f of this.def.fields) {
      const v = values[f.name];
      if (f.type === 'consent') { if (v || f.required) body.values[f.name] = v; } else if (String(v).trim()) body.values[f.name] = v;
    }
    $('form-send').disabled = true;
    this.status('forms.sending');
    try {
      const res = await fetch(`/api/forms/${encodeURIComponent(this.def.id)}/submissions`,
        { method: 'POST', headers: this.headers(), body: JSON.stringify(body) });
      const json = await res.json().catch(() => ({}));
      if (res.status === 400 && json.error && json.error.code === 'invalid_fields') {
        this.showErrors(fieldErrors(json));
        return;
      }
      if (!res.ok) { this.status('error.generic'); return; }
      this.sent(json);
    } catch (e) {
      this.status('error.generic');
    } finally {
      if ($('form-send')) $('form-send').disabled = false;
    }
  }

  sent(r) {
    const title = this.def.title;
    this.redraw = null;
    if (r.emergency) this.showEmergency(r.safety || []);
    const link = `reply.html?lang=${lang()}#${r.replyToken}`;
    const done = el('div', { cls: 'done', attrs: { id: 'form-done' } },
      el('h3', { text: t('forms.sentTitle', { title }), attrs: { id: 'form-done-title', tabindex: '-1' } }),
      r.emergency ? el('p', { cls: 'error', text: t('forms.emergency'), attrs: { id: 'form-emergency' } }) : null,
      el('p', {}, el('span', { text: `${t('forms.reference')}: ` }), el('strong', { text: r.reference, attrs: { id: 'form-ref' } })),
      ...(r.emergency ? [] : (r.replies || []).map((x) => el('p', { cls: 'msg msg--bot', text: x.text }))),
      el('p', { text: t('forms.keepLink') }),
      el('a', { text: t('forms.replyLink'), attrs: { id: 'form-reply-link', href: link, target: '_blank', rel: 'noopener' } }));
    $('forms-body').replaceChildren(done);
    this.status('forms.sent', { reference: r.reference });
    $('form-done-title').focus();
  }
}
