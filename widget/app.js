// The resident widget app: one conversation over /ws/resident, rendered accessibly. See docs/widget.md.
// This file only wires: state.js holds the conversation, view.js shows it, frames.js hears the service, and
// composer.js, messages.js, faq.js, emergency.js and ended.js are the parts of the chat; the other modes have their own.
import { load, apply, pickLang, lang } from './i18n.js';
import { $ } from './dom.js';
import { session } from './session.js';
import { toHost, onHost } from './bridge.js';
import { Appointment } from './appointment.js';
import { MyData } from './mydata.js';
import { Forms } from './forms.js';
import { Identify } from './identify.js';
import { OnBehalf } from './proxy.js';
import { ui, respeak } from './state.js';
import { render, setMode, contactRequest, focusPrimary } from './view.js';
import { connect } from './frames.js';
import { sendFromComposer, updateCounter, typing } from './composer.js';
import { relabelLog } from './messages.js';
import { showEmergency, escapeKeepsGuidance } from './emergency.js';
import { feedback } from './faq.js';
import { rate, buildScores, downloadTranscript, restart } from './ended.js';

async function main() {
  const params = new URLSearchParams(location.search);
  const stored = session.get();
  await load(pickLang(stored.lang, params.get('lang'), navigator.languages || [navigator.language]));
  apply();
  $('lang').value = lang();
  // Staffed now (docs/widget.md, "Staffed"): otherwise the widget says so, keeps the FAQ and offers a contact request.
  ui.open = await fetch('status', { cache: 'no-store' }).then((r) => r.json()).then((s) => s.open !== false).catch(() => true);
  wire();
  if (stored.emergency) showEmergency([]);
  if (stored.token) {
    connect(stored.token);
  } else {
    render();
  }
  toHost('ready');
}

function wire() {
  $('composer').addEventListener('submit', (e) => { e.preventDefault(); sendFromComposer(); });
  $('text').addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) { e.preventDefault(); sendFromComposer(); }
  });
  $('text').addEventListener('input', () => { updateCounter(); typing(); });
  $('closed-contact').addEventListener('click', contactRequest);
  $('unstaffed-contact').addEventListener('click', contactRequest);
  $('faq-yes').addEventListener('click', () => feedback(true));
  $('faq-no').addEventListener('click', () => feedback(false));
  $('end').addEventListener('click', () => ui.conn && ui.conn.send({ type: 'close' }));
  $('rate').addEventListener('submit', (e) => { e.preventDefault(); rate(); });
  $('download').addEventListener('click', downloadTranscript);
  $('restart').addEventListener('click', restart);
  $('close').addEventListener('click', () => toHost('close'));
  $('lang').addEventListener('change', changeLanguage);
  document.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape' || escapeKeepsGuidance(e)) return;
    toHost('close');
  });
  onHost((msg) => { if (msg.type === 'open') focusPrimary(); });
  const modes = { showEmergency: (safety) => showEmergency(safety), back: () => setMode('chat'),
    identifiedToken: () => (ui.ident.status === 'identified' ? session.get().token : null) };
  ui.appointment = new Appointment(modes);
  ui.forms = new Forms(modes);
  ui.ident = new Identify((f) => !!ui.conn && ui.conn.send(f), lang);
  ui.proxy = new OnBehalf((f) => !!ui.conn && ui.conn.send(f));
  $('mode-appt').addEventListener('click', () => setMode('appt'));
  $('mode-form').addEventListener('click', () => setMode('form'));
  ui.mydata = new MyData({ token: () => session.get().token, back: () => setMode('chat') });
  $('mydata-open').addEventListener('click', () => setMode('mydata'));
  buildScores();
  updateCounter();
}

async function changeLanguage() {
  const chosen = $('lang').value;
  await load(chosen);
  session.set({ lang: chosen });
  apply();
  buildScores();
  updateCounter();
  relabelLog();
  if (ui.emergency.length) showEmergency(ui.emergency);
  respeak();
  ui.appointment.relabel();
  ui.mydata.relabel();
  ui.forms.relabel();
  ui.ident.relabel();
  ui.proxy.relabel();
  render();
}

main();
