// Strong identification in the conversation (docs/identification.md): "Identify yourself" opens the identification
// service in a popup; the conversation stays here on its socket and the result arrives as an `identification` frame.
import { t } from './i18n.js';
import { $, setText, show } from './dom.js';

const LIVE = ['new', 'triaged', 'self_served', 'queued', 'assigned'];

export class Identify {
  /** `send(frame)` sends a control frame on the conversation's socket (false when not connected). */
  constructor(send, lang) {
    this.send = send;
    this.lang = lang;
    this.status = null; // null, requested, started, identified, failed
    this.level = null;
    this.spoken = null;
    this.popup = null;
    this.available = false;
    $('ident-start').addEventListener('click', () => this.start());
  }

  start() {
    // Opened now, inside the click, so no popup blocker stops it; it goes to the service once the ticket arrives.
    this.popup = window.open('about:blank', 'ikkuna-ident', 'popup,width=520,height=720');
    const frame = { type: 'identify', lang: this.lang() };
    if (this.status === 'requested' && this.level) frame.level = this.level;
    if (!this.send(frame) && this.popup) { this.popup.close(); this.popup = null; }
  }

  frame(f) {
    // The service says after every hello whether identification is in use; until then nothing is shown.
    this.available = true;
    if (f.status === 'available') { if (this.shown) this.render(...this.shown); return; }
    this.status = f.status;
    this.level = f.level || this.level;
    const level = t(`ident.levels.${this.level}`);
    if (f.status === 'started') {
      const url = new URL(f.url, location.href).href;
      $('ident-link').href = url;
      if (this.popup && !this.popup.closed) this.popup.location.href = url;
      show('ident-link', !this.popup || this.popup.closed);
      this.say('ident.opening');
    } else if (f.status === 'requested') {
      this.say(f.by && f.by.name ? 'ident.requested' : 'ident.requestedAnon', { name: f.by && f.by.name, level });
    } else if (f.status === 'identified') {
      this.say('ident.identified', { level, name: f.name });
    } else if (f.status === 'failed') {
      const reason = t(`ident.reasons.${f.reason}`) !== `ident.reasons.${f.reason}` ? `ident.reasons.${f.reason}`
        : String(f.reason).startsWith('token') ? 'ident.reasons.token' : 'ident.reasons.generic';
      this.say('ident.failed', { reasonKey: reason });
    }
    if (f.status !== 'started') show('ident-link', false);
    if (this.shown) this.render(...this.shown);
  }

  /** A new conversation starts unidentified. */
  reset() {
    Object.assign(this, { status: null, level: null, spoken: null, shown: null, available: false });
    setText('ident-status', '');
    show('ident-link', false);
  }

  say(key, vars = {}) {
    this.spoken = [key, vars];
    this.relabel();
  }

  /** Shows the part while the conversation is live; the button until the resident is identified. */
  render(state, started) {
    this.shown = [state, started];
    const live = this.available && started && LIVE.includes(state);
    show('ident', live || this.status === 'identified');
    show('ident-start', live && this.status !== 'identified');
  }

  relabel() {
    if (!this.spoken) return;
    const [key, vars] = this.spoken;
    const filled = Object.assign({}, vars, vars.level ? { level: t(`ident.levels.${this.level}`) } : {},
      vars.reasonKey ? { reason: t(vars.reasonKey) } : {});
    setText('ident-status', t(key, filled));
  }
}
