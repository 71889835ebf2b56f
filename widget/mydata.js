// "My data" (docs/data-rights.md): a strongly identified resident's contacts, bookings and forms, who has read them,
// and the two downloads. Everything comes from /api/data-rights with the tab's resume token as the key; every text
// goes in through textContent (el), so nothing anyone wrote becomes markup.
import { t, lang } from './i18n.js';
import { el, $, setText, show } from './dom.js';

export class MyData {
  /** `token()` is the tab's resume token; `back()` returns to the conversation. */
  constructor({ token, back }) {
    this.token = token;
    this.data = null;
    this.spoken = null;
    $('mydata-back').addEventListener('click', back);
    $('mydata-json').addEventListener('click', () => this.download('export.json', 'json'));
    $('mydata-html').addEventListener('click', () => this.download(`export.html?lang=${lang()}`, 'html'));
  }

  /** The way in: shown once the resident is strongly identified in this conversation. */
  render(mode, identStatus) {
    show('mydata-open', identStatus === 'identified');
    show('mydata', mode === 'mydata');
  }

  async open() {
    $('mydata-title').focus();
    this.data = null;
    $('mydata-body').replaceChildren();
    this.say('mydata.loading');
    try {
      const res = await this.fetch('');
      if (!res.ok) { this.say(res.status === 403 ? 'mydata.notIdentified' : 'mydata.failed'); return; }
      this.data = await res.json();
      this.say(null);
      this.draw();
    } catch (e) {
      this.say('mydata.failed');
    }
  }

  relabel() {
    if (this.spoken) setText('mydata-status', t(this.spoken));
    if (this.data) this.draw();
  }

  say(key) {
    this.spoken = key;
    setText('mydata-status', key ? t(key) : '');
  }

  fetch(path) {
    return fetch(`/api/data-rights/${path}`, { cache: 'no-store', headers: { Authorization: `Bearer ${this.token()}` } });
  }

  async download(path, ext) {
    try {
      const res = await this.fetch(path);
      if (!res.ok) { this.say('mydata.downloadFailed'); return; }
      const url = URL.createObjectURL(await res.blob());
      const a = el('a', { attrs: { href: url, download: `${t('mydata.file')}-${new Date().toISOString().slice(0, 10)}.${ext}` } });
      a.hidden = true;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
    } catch (e) {
      this.say('mydata.downloadFailed');
    }
  }

  draw() {
    const d = this.data;
    const log = d.accessLog;
    const names = log.namesShown;
    $('mydata-body').replaceChildren(
      el('h3', { text: t('mydata.contactsTitle') }),
      d.conversations.length ? el('div', { attrs: { id: 'mydata-contacts' } }, ...d.conversations.map((c) => this.contact(c))) : none(),
      el('h3', { text: t('mydata.bookingsTitle') }),
      table('mydata-bookings', ['time', 'type', 'code', 'status'], d.bookings,
        (b) => [when(b.startAt), t(`appt.types.${b.type}`), b.code, label('status', b.status)]),
      el('h3', { text: t('mydata.formsTitle') }),
      table('mydata-forms', ['submitted', 'form', 'reference'], d.forms, (f) => [when(f.submittedAt), f.formId, f.reference]),
      el('h3', { text: t('mydata.accessTitle') }),
      el('p', { text: t('mydata.accessIntro', { years: log.years }) }),
      table('mydata-access', names ? ['when', 'role', 'jobTitle', 'name', 'action', 'purpose'] : ['when', 'role', 'jobTitle', 'action', 'purpose'],
        log.entries, (e) => [when(e.at), label('roles', e.role), e.title, ...(names ? [e.name] : []), label('actions', e.action),
          label('purposes', e.purpose)]));
  }

  contact(c) {
    const summary = el('summary', { text: `${t('mydata.contact', { channel: label('channels', c.channel), time: when(c.startedAt) })} · `
      + t('mydata.messages', { count: c.messages.length }) });
    const messages = c.messages.map((m) => el('div', { cls: `msg msg--${m.author}`, lang: c.language },
      el('p', { cls: 'msg__who', text: `${who(m)} · ${when(m.at)}` }), el('p', { cls: 'msg__text', text: m.text })));
    return el('details', { cls: 'mydata__contact', attrs: { 'data-conversation': c.conversationId } }, summary, ...messages);
  }
}

function none() {
  return el('p', { cls: 'small', text: t('mydata.none') });
}

function table(id, columns, rows, cells) {
  if (!rows.length) return none();
  const head = el('tr', {}, ...columns.map((c) => el('th', { text: t(`mydata.col.${c}`), attrs: { scope: 'col' } })));
  const body = rows.map((r) => el('tr', {}, ...cells(r).map((v) => el('td', { text: v == null ? '' : String(v) }))));
  return el('table', { cls: 'mydata__table', attrs: { id } }, el('thead', {}, head), el('tbody', {}, ...body));
}

/** A label for a stored code when the texts have one; free text (a stated purpose) as it was written. */
function label(group, code) {
  if (code == null) return '';
  const key = `mydata.${group}.${code}`;
  return t(key) === key ? code : t(key);
}

function who(m) {
  if (m.author === 'resident') return t('who.you');
  if (m.author === 'bot') return t('who.bot');
  return m.authorName || t('who.professional');
}

function when(at) {
  if (!at) return '';
  try {
    return new Intl.DateTimeFormat(lang(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(at));
  } catch (e) {
    return at;
  }
}
