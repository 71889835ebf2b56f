// The professional's end of a video appointment's call, beside the conversation's chat (docs/appointments.md
// "Video call"): her camera and microphone, the call's state with its start and end, mute, camera and end. The WebRTC
// part is the widget's CallPeer: one implementation of the call frames for both sides.
import { t, time } from './i18n.js';
import { codeText } from './errors.js';
import { CallPeer } from '/widget/callpeer.js';

import { $ } from '/widget/dom.js';

export class CallPanel {
  constructor(socket, announce) {
    this.socket = socket;
    this.announce = announce;
    this.current = null;
    this.peer = null;
    $('pcall-mute').addEventListener('click', () => this.toggle('pcall-mute', (on) => this.peer?.setMuted(on)));
    $('pcall-camera').addEventListener('click', () => this.toggle('pcall-camera', (on) => this.peer?.setCameraOff(on)));
    $('pcall-end').addEventListener('click', () => this.current && this.socket.send({ type: 'call_end', conversationId: this.current }));
  }

  async join(conversationId) {
    this.peer?.stop();
    this.current = conversationId;
    const send = (f) => this.socket.send({ ...f, conversationId });
    this.peer = new CallPeer({ send, onRemote: (s) => { $('pcall-remote').srcObject = s; }, onMedia: (m) => this.media(m) });
    $('call-panel').hidden = false;
    this.show('joining', t('callJoining'));
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: true });
      this.peer.setStream(stream);
      $('pcall-local').srcObject = stream;
    } catch {
      // Without devices she still sees and hears the resident, and the chat is beside the picture.
      this.show('joining', t('callNoDevices'));
    }
    this.socket.send({ type: 'call_join', conversationId });
  }

  /** Back after a dropped console socket: join the same call again. */
  reconnected() {
    if (this.current && this.peer) this.socket.send({ type: 'call_join', conversationId: this.current });
  }

  state(f) {
    if (f.conversationId !== this.current || !this.peer) return;
    this.peer.state(f);
    $('call-panel').dataset.epoch = f.epoch ?? '';
    if (f.startedAt) this.startedAt = f.startedAt;
    if (f.state === 'ended') {
      this.peer.stop();
      this.peer = null;
      $('pcall-local').srcObject = null;
      this.show('ended', t('callEnded'));
      $('pcall-times').textContent = [this.startedAt && t('callStartedAt', { time: time(this.startedAt) }),
        t('callEndedAt', { time: time(f.endedAt || new Date().toISOString()) })].filter(Boolean).join(' · ');
      return;
    }
    if (this.startedAt) $('pcall-times').textContent = t('callStartedAt', { time: time(this.startedAt) });
    if (f.state === 'waiting') this.show('waiting', t(f.startedAt ? 'callResidentLeft' : 'callWaiting'));
    else this.show('connecting', t('callConnecting'));
  }

  signal(f) {
    if (f.conversationId === this.current) this.peer?.signal(f);
  }

  media(m) {
    if (m === 'connected') this.show('connected', t('callConnected'));
    else if (m === 'failed') this.show('failed', t('callFailed'));
  }

  refused(f) {
    this.show('refused', codeText(f.code));
    this.peer?.stop();
    this.peer = null;
  }

  show(state, text) {
    $('call-panel').dataset.callState = state;
    $('pcall-state').textContent = text;
    if (state !== 'connecting') this.announce(text);
  }

  toggle(id, apply) {
    const on = $(id).getAttribute('aria-pressed') !== 'true';
    $(id).setAttribute('aria-pressed', String(on));
    apply(on);
  }
}
