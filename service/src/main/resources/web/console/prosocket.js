// The professional WebSocket (docs/protocol.md) with reconnect; handlers get every frame by type.
export class ProSocket {
  constructor(handlers) {
    this.handlers = handlers;
    this.ws = null;
    this.closedByUser = false;
    this.backoff = 500;
  }

  connect() {
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws/pro`;
    this.ws = new WebSocket(url);
    this.ws.addEventListener('open', () => {
      this.backoff = 500;
      this.send({ type: 'hello', v: 1 });
    });
    this.ws.addEventListener('message', (e) => {
      const frame = JSON.parse(e.data);
      (this.handlers[frame.type] || this.handlers.other || (() => {}))(frame);
    });
    this.ws.addEventListener('close', (e) => {
      if (this.closedByUser || e.code === 4401) {
        this.handlers.signedOut?.();
        return;
      }
      this.handlers.disconnected?.();
      setTimeout(() => this.connect(), this.backoff);
      this.backoff = Math.min(this.backoff * 2, 15000);
    });
  }

  send(frame) {
    if (this.ws?.readyState === WebSocket.OPEN) {
      this.ws.send(JSON.stringify(frame));
      return true;
    }
    return false;
  }

  close() {
    this.closedByUser = true;
    this.ws?.close(1000);
  }
}
