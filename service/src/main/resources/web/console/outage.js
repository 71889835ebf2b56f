// The database-outage banner (issue 13.8, docs/console.md): shown as soon as the service answers a frame or a
// REST call with `unavailable`, or its health check reports the database DOWN; gone once health reports it UP.
// Recovery is the service's own: the banner only tells the professional that nothing can be saved meanwhile.
import { t } from './i18n.js';

// Health is polled while signed in, so an idle board also learns that it is stale; faster while the database is away.
const HEALTHY_EVERY_MS = 15000;
const DOWN_EVERY_MS = 3000;

export class OutageBanner {
  constructor(el) {
    this.el = el;
    this.down = false;
    this.timer = null;
    this.running = false;
  }

  start() {
    this.running = true;
    this.poll();
  }

  stop() {
    this.running = false;
    clearTimeout(this.timer);
    this.set(false);
  }

  /** The service refused something because its database is away: show it now, and check more often. */
  report() {
    this.set(true);
    this.schedule();
  }

  async poll() {
    try {
      const res = await fetch('/observe/health', { cache: 'no-store', credentials: 'omit' });
      const body = await res.json();
      this.set(body?.checks?.database === 'DOWN');
    } catch {
      // The service itself does not answer: the socket's reconnect status says that, not this banner.
    }
    this.schedule();
  }

  schedule() {
    clearTimeout(this.timer);
    if (this.running) this.timer = setTimeout(() => this.poll(), this.down ? DOWN_EVERY_MS : HEALTHY_EVERY_MS);
  }

  set(down) {
    if (down === this.down) return;
    this.down = down;
    this.render();
  }

  /** Also after a language change. */
  render() {
    this.el.textContent = this.down ? t('outage') : '';
  }
}
