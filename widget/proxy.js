// Proxy use (docs/identification.md, "Proxy use"): "I am contacting on behalf of ..." — the resident names whom they act
// for; the service checks it (the only place that refuses) and both sides see the declaration as a `proxy` frame.
import { t } from './i18n.js';
import { $, setText, show } from './dom.js';

const LIVE = ['new', 'triaged', 'self_served', 'queued', 'assigned'];

export class OnBehalf {
  /** `send(frame)` sends a control frame on the conversation's socket (false when not connected). */
  constructor(send) {
    this.send = send;
    this.reset();
    $('proxy-start').addEventListener('click', () => this.open(!this.editing));
    $('proxy-cancel').addEventListener('click', () => { this.open(false); $('proxy-start').focus(); });
    $('proxy-withdraw').addEventListener('click', () => this.send({ type: 'withdraw_proxy' }));
    $('proxy-form').addEventListener('submit', (e) => { e.preventDefault(); this.submit(); });
  }

  submit() {
    const picked = document.querySelector('#proxy-form input[name=prelation]:checked');
    const frame = { type: 'declare_proxy', relation: picked ? picked.value : null, name: $('p-name').value };
    if ($('p-hetu').value.trim()) frame.nationalId = $('p-hetu').value;
    this.error = null;
    this.relabel();
    this.send(frame);
  }

  frame(f) {
    // The service says after every hello whether proxy use is in use here; until then nothing is shown.
    this.available = true;
    const wasEditing = this.editing;
    if (f.status === 'declared' || f.status === 'withdrawn') {
      this.declared = f.status === 'declared' ? { relation: f.relation, name: f.person.name } : null;
      this.spoken = f.status === 'declared' ? 'proxy.declared' : 'proxy.withdrawn';
      this.open(false);
      if (wasEditing) $('proxy-start').focus();
    } else if (f.status === 'refused') {
      const key = t(`proxy.reasons.${f.reason}`) !== `proxy.reasons.${f.reason}` ? `proxy.reasons.${f.reason}` : 'proxy.reasons.generic';
      // Nothing was stored: the form keeps what the resident typed, with the reason beside it.
      if (this.editing) this.error = key;
      else this.spoken = key;
    }
    this.relabel();
    if (this.shown) this.render(...this.shown);
    if (f.status === 'refused' && this.editing) $('p-error').focus();
  }

  open(editing) {
    const opening = editing && !this.editing;
    this.editing = editing;
    show('proxy-form', editing);
    $('proxy-start').setAttribute('aria-expanded', String(editing));
    this.error = null;
    if (opening) {
      $('proxy-form').reset();
      const radio = this.declared && document.querySelector(`#proxy-form input[value="${this.declared.relation}"]`);
      if (radio) radio.checked = true;
      if (this.declared) $('p-name').value = this.declared.name;
      (document.querySelector('#proxy-form input[name=prelation]:checked') || document.querySelector('#proxy-form input')).focus();
    }
    this.relabel();
  }

  /** A new conversation starts with nobody represented. */
  reset() {
    Object.assign(this, { available: false, declared: null, spoken: null, error: null, editing: false, shown: null });
    if ($('proxy-form')) { $('proxy-form').reset(); show('proxy-form', false); setText('proxy-status', ''); setText('p-error', ''); }
  }

  /** Offered while the conversation is live; a declaration stays in view. */
  render(state, started) {
    this.shown = [state, started];
    const live = this.available && started && LIVE.includes(state);
    show('proxy', live || !!this.declared);
    show('proxy-start', live);
    show('proxy-withdraw', live && !!this.declared);
  }

  relabel() {
    setText('proxy-start', t(this.declared ? 'proxy.change' : 'proxy.start'));
    const d = this.declared;
    setText('proxy-status', this.spoken === 'proxy.declared' && d
      ? t('proxy.declared', { name: d.name, relation: t(`proxy.relations.${d.relation}`) }) : this.spoken ? t(this.spoken) : '');
    setText('p-error', this.error ? t(this.error) : '');
  }
}
