// One side of a video call (docs/appointments.md "Video call"): WebRTC in the browser, signalling through the
// service's call_state / call_signal frames (docs/protocol.md). Media goes browser to browser, never through the
// service. Each time both parties are present the service starts a new epoch; the professional's side offers,
// the resident's answers, and signals of an older epoch are dropped. Shared by the widget and the console.
const ICE_BATCH_MS = 150;

export class CallPeer {
  /** send(frame) sends a call frame; onRemote(stream|null); onMedia('connecting'|'connected'|'failed'|'closed'). */
  constructor({ send, onRemote, onMedia }) {
    this.send = send;
    this.onRemote = onRemote;
    this.onMedia = onMedia;
    this.iceServers = [];
    this.stream = null;
    this.pc = null;
    this.epoch = 0;
    this.pending = [];
    this.outgoing = [];
    this.flushTimer = null;
  }

  setStream(stream) {
    this.stream = stream;
  }

  /** A call_state frame: a new epoch (re)builds the connection; waiting or ended closes it. */
  state(frame) {
    if (frame.iceServers) this.iceServers = frame.iceServers;
    if (frame.state === 'ready') {
      if (frame.epoch !== this.epoch || !this.pc) this.restart(frame.epoch, frame.offerer);
    } else {
      this.close();
    }
  }

  async restart(epoch, offerer) {
    this.close();
    this.epoch = epoch;
    const pc = new RTCPeerConnection({ iceServers: this.iceServers });
    this.pc = pc;
    if (this.stream) {
      for (const track of this.stream.getTracks()) pc.addTrack(track, this.stream);
    } else if (offerer) {
      // No camera or microphone here: still ask for the other side's picture and voice. (An answerer needs nothing:
      // the offer's lines bring their own receivers.)
      pc.addTransceiver('audio', { direction: 'recvonly' });
      pc.addTransceiver('video', { direction: 'recvonly' });
    }
    pc.ontrack = (e) => { if (this.pc === pc) this.onRemote(e.streams[0] || new MediaStream([e.track])); };
    pc.onicecandidate = (e) => { if (this.pc === pc && e.candidate && e.candidate.candidate) this.queueCandidate(e.candidate); };
    pc.onconnectionstatechange = () => { if (this.pc === pc) this.onMedia(pc.connectionState); };
    this.onMedia('connecting');
    if (!offerer) return;
    const offer = await pc.createOffer();
    if (this.pc !== pc) return;
    await pc.setLocalDescription(offer);
    this.send({ type: 'call_signal', epoch, signal: { kind: 'offer', sdp: offer.sdp } });
  }

  /** A call_signal frame relayed from the other side. */
  async signal(frame) {
    const pc = this.pc;
    if (!pc || frame.epoch !== this.epoch) return;
    const s = frame.signal;
    try {
      if (s.kind === 'offer') {
        await pc.setRemoteDescription({ type: 'offer', sdp: s.sdp });
        const answer = await pc.createAnswer();
        if (this.pc !== pc) return;
        await pc.setLocalDescription(answer);
        this.send({ type: 'call_signal', epoch: this.epoch, signal: { kind: 'answer', sdp: answer.sdp } });
        await this.addPending(pc);
      } else if (s.kind === 'answer') {
        await pc.setRemoteDescription({ type: 'answer', sdp: s.sdp });
        await this.addPending(pc);
      } else if (s.kind === 'ice') {
        for (const c of s.candidates) {
          if (pc.remoteDescription) await pc.addIceCandidate(c);
          else this.pending.push(c);
        }
      }
    } catch (err) {
      if (this.pc === pc) this.onMedia('failed');
    }
  }

  async addPending(pc) {
    const list = this.pending;
    this.pending = [];
    for (const c of list) await pc.addIceCandidate(c);
  }

  /** Candidates go out in small batches: a handful of frames instead of one per candidate (the socket is rate-limited). */
  queueCandidate(c) {
    this.outgoing.push({ candidate: c.candidate, sdpMid: c.sdpMid, sdpMLineIndex: c.sdpMLineIndex });
    if (this.flushTimer) return;
    const epoch = this.epoch;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = null;
      const candidates = this.outgoing.splice(0, 50);
      if (candidates.length && epoch === this.epoch) this.send({ type: 'call_signal', epoch, signal: { kind: 'ice', candidates } });
      if (this.outgoing.length) this.queueCandidate(this.outgoing.shift());
    }, ICE_BATCH_MS);
  }

  setMuted(muted) {
    for (const t of this.stream ? this.stream.getAudioTracks() : []) t.enabled = !muted;
  }

  setCameraOff(off) {
    for (const t of this.stream ? this.stream.getVideoTracks() : []) t.enabled = !off;
  }

  close() {
    clearTimeout(this.flushTimer);
    this.flushTimer = null;
    this.outgoing = [];
    this.pending = [];
    if (this.pc) {
      this.pc.close();
      this.pc = null;
      this.onRemote(null);
      this.onMedia('closed');
    }
  }

  /** Ends for good: the camera and microphone are released. */
  stop() {
    this.close();
    for (const t of this.stream ? this.stream.getTracks() : []) t.stop();
    this.stream = null;
  }
}
