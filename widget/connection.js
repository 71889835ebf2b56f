// The resident end of /ws/resident (docs/protocol.md): hello/resume, an in-memory outbox resent with the same
// clientMsgId after every reconnect and, while the service reports `unavailable` (its database is away), again
// with backoff until acked; duplicate-free delivery by sequence number, exponential backoff.
const MAX_DELAY_MS = 15000;
const BASE_DELAY_MS = 500;
// A connection that died without a close (sleeping laptop, lost Wi-Fi) is noticed by our own pings.
const PING_EVERY_MS = 20000;
const DEAD_AFTER_MS = 50000;

export class Connection {
  constructor({ url, token, bookingToken, onFrame, onStatus }) {
    this.url = url;
    this.token = token || null;
    // A video appointment's page knows only its booking link, which opens the booking's conversation.
    this.bookingToken = bookingToken || null;
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
    // The service answered `unavailable`: the outbox is resent on this timer until a send is acked.
    this.unavailable = false;
    this.retries = 0;
    this.retryTimer = null;
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
    clearTimeout(this.retryTimer);
    this.retryTimer = null;
    clearInterval(this.watchdog);
    if (this.ws) this.ws.close(1000);
    this.ws = null;
  }

  /** Queues a message; it is sent now if connected and again after every reconnect until acknowledged. */
  sendMessage(text) {
    this.counter += 1;
    const clientMsgId = `w-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}-${this.counter}`;
    this.outbox.set(clientMsgId, text);
    if (this.welcomed) this.raw(messageFrame(clientMsgId, text));
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
      else if (this.bookingToken) Object.assign(hello, { bookingToken: this.bookingToken, lastSeq: this.lastSeq });
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
    this.onStatus(this.unavailable ? 'unavailable' : 'reconnecting');
    const delay = backoff(this.attempts);
    this.attempts += 1;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.open(), delay);
  }

  /**
   * The service could not store or load (database away). Before a welcome the hello itself failed: close and let
   * the reconnect backoff try again. After it: keep the outbox and resend it with backoff; the ids keep a resend
   * that did get stored from being stored twice.
   */
  unavailableNow(ws) {
    this.unavailable = true;
    this.onStatus('unavailable');
    if (!this.welcomed) {
      ws.close(1000);
      return;
    }
    if (this.retryTimer) return;
    const delay = backoff(this.retries);
    this.retries += 1;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (this.welcomed && this.ws === ws) this.resendOutbox();
    }, delay);
  }

  /** A send succeeded: the service is back. */
  available() {
    if (!this.unavailable) return;
    this.unavailable = false;
    this.retries = 0;
    clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.onStatus('online');
  }

  resendOutbox() {
    for (const [clientMsgId, text] of this.outbox) this.raw(messageFrame(clientMsgId, text));
  }

  receive(frame) {
    switch (frame.type) {
      case 'welcome':
        if (frame.resumeToken) this.token = frame.resumeToken;
        this.welcomed = true;
        this.attempts = 0;
        // The hello was answered, so the database is there; with messages still to send, their acks say so.
        if (this.outbox.size === 0) {
          this.unavailable = false;
          this.retries = 0;
        }
        this.onStatus(this.unavailable ? 'unavailable' : 'online');
        this.onFrame(frame);
        // Resend in the original order; the server answers already stored ones with duplicate: true.
        this.resendOutbox();
        return;
      case 'message':
        if (frame.seq <= this.lastSeq) return;
        this.lastSeq = frame.seq;
        break;
      case 'ack':
        this.outbox.delete(frame.clientMsgId);
        this.available();
        break;
      case 'error':
        if (frame.code === 'unavailable') {
          this.unavailableNow(this.ws);
        } else if (frame.code === 'resume_failed') {
          this.token = null;
          this.stop();
        }
        break;
      default:
    }
    this.onFrame(frame);
  }
}

/** `ref` echoes the id in an error, so a refusal can be told apart from other frames' errors. */
function messageFrame(clientMsgId, text) {
  return { type: 'message', clientMsgId, text, ref: clientMsgId };
}

/** 0.5 s × 2ⁿ, at most 15 s, with jitter so a county's widgets do not all come back in the same instant. */
function backoff(n) {
  return Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** n) * (0.5 + Math.random() / 2);
}
