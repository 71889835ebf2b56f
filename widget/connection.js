// The resident end of /ws/resident (docs/protocol.md): hello/resume, an in-memory outbox resent with the same
// clientMsgId after every reconnect, duplicate-free delivery by sequence number, exponential backoff.
const MAX_DELAY_MS = 15000;
const BASE_DELAY_MS = 500;
// A connection that died without a close (sleeping laptop, lost Wi-Fi) is noticed by our own pings.
const PING_EVERY_MS = 20000;
const DEAD_AFTER_MS = 50000;

export class Connection {
  constructor({ url, token, onFrame, onStatus }) {
    this.url = url;
    this.token = token || null;
    this.onFrame = onFrame;
    this.onStatus = onStatus;
    this.lastSeq = 0;
    this.outbox = new Map();
    this.ws = null;
    this.welcomed = false;
    this.attempts = 0;
    this.stopped = true;
    this.timer = null;
    this.watchdog = null;
    this.lastHeard = 0;
    this.counter = 0;
    // Back online: try at once instead of waiting for the backoff timer.
    window.addEventListener('online', () => {
      if (!this.stopped && !this.ws) {
        clearTimeout(this.timer);
        this.open();
      }
    });
  }

  get started() {
    return !this.stopped;
  }

  start(lang) {
    this.lang = lang;
    this.stopped = false;
    this.open();
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.timer);
    clearInterval(this.watchdog);
    if (this.ws) this.ws.close(1000);
    this.ws = null;
  }

  /** Queues a message; it is sent now if connected and again after every reconnect until acknowledged. */
  sendMessage(text) {
    this.counter += 1;
    const clientMsgId = `w-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}-${this.counter}`;
    this.outbox.set(clientMsgId, text);
    if (this.welcomed) this.raw({ type: 'message', clientMsgId, text });
    return clientMsgId;
  }

  /** Sends a control frame if connected; control frames are not queued (they make no sense stale). */
  send(frame) {
    return this.welcomed && this.raw(frame);
  }

  raw(frame) {
    if (!this.ws || this.ws.readyState !== WebSocket.OPEN) return false;
    this.ws.send(JSON.stringify(frame));
    return true;
  }

  open() {
    if (this.stopped) return;
    const ws = new WebSocket(this.url);
    this.ws = ws;
    ws.onopen = () => {
      const hello = { type: 'hello', v: 1, lang: this.lang };
      if (this.token) Object.assign(hello, { resumeToken: this.token, lastSeq: this.lastSeq });
      ws.send(JSON.stringify(hello));
    };
    ws.onmessage = (e) => {
      this.lastHeard = Date.now();
      let frame;
      try { frame = JSON.parse(e.data); } catch (err) { return; }
      this.receive(frame);
    };
    ws.onclose = () => this.dropped(ws);
    this.lastHeard = Date.now();
    clearInterval(this.watchdog);
    this.watchdog = setInterval(() => {
      if (this.ws !== ws) return;
      if (Date.now() - this.lastHeard > DEAD_AFTER_MS) {
        this.dropped(ws);
        ws.close();
      } else if (this.welcomed) {
        this.raw({ type: 'ping' });
      }
    }, PING_EVERY_MS);
  }

  /** The connection is gone (closed, failed or silent): show it and try again with backoff. */
  dropped(ws) {
    if (this.ws !== ws) return;
    clearInterval(this.watchdog);
    this.welcomed = false;
    this.ws = null;
    if (this.stopped) return;
    this.onStatus('reconnecting');
    const delay = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** this.attempts) * (0.5 + Math.random() / 2);
    this.attempts += 1;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.open(), delay);
  }

  receive(frame) {
    switch (frame.type) {
      case 'welcome':
        if (frame.resumeToken) this.token = frame.resumeToken;
        this.welcomed = true;
        this.attempts = 0;
        this.onStatus('online');
        this.onFrame(frame);
        // Resend in the original order; the server answers already stored ones with duplicate: true.
        for (const [clientMsgId, text] of this.outbox) this.raw({ type: 'message', clientMsgId, text });
        return;
      case 'message':
        if (frame.seq <= this.lastSeq) return;
        this.lastSeq = frame.seq;
        break;
      case 'ack':
        this.outbox.delete(frame.clientMsgId);
        break;
      case 'error':
        if (frame.code === 'resume_failed') {
          this.token = null;
          this.stop();
        }
        break;
      default:
    }
    this.onFrame(frame);
  }
}
