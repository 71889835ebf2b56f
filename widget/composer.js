// The chat composer: length checks as the resident types, typing notices, and sending (the first message opens the socket).
import { t, lang } from './i18n.js';
import { $ } from './dom.js';
import { ui, say } from './state.js';
import { render } from './view.js';
import { addMessage } from './messages.js';
import { connect } from './frames.js';

const MAX_TEXT = 4000;
const TYPING_EVERY_MS = 3000;

export function sendFromComposer() {
  const text = $('text').value;
  if (!validText(text, 'text', 'text-error')) return;
  sendMessage(text);
  $('text').value = '';
  updateCounter('text', 'counter', 'text-error');
}

function sendMessage(text) {
  if (!ui.conn) {
    ui.convLang = lang();
    connect(null);
  }
  const clientMsgId = ui.conn.sendMessage(text);
  addMessage({ author: 'resident', clientMsgId, text, at: new Date().toISOString(), status: ui.connected ? 'pending' : 'waiting' });
  render();
}

function validText(text, fieldId, errorId) {
  let error = null;
  if (!text.trim()) error = ['composer.empty'];
  else if (text.length > MAX_TEXT) error = ['composer.tooLong', { max: MAX_TEXT, over: text.length - MAX_TEXT }];
  say(errorId, ...(error || []));
  $(fieldId).setAttribute('aria-invalid', error ? 'true' : 'false');
  if (error) $(fieldId).focus();
  return !error;
}

export function updateCounter(fieldId = 'text', counterId = 'counter', errorId = 'text-error') {
  const n = $(fieldId).value.length;
  $(counterId).textContent = t('composer.counter', { count: n, max: MAX_TEXT });
  $(counterId).classList.toggle('counter--over', n > MAX_TEXT);
  if (n > MAX_TEXT) {
    say(errorId, 'composer.tooLong', { max: MAX_TEXT, over: n - MAX_TEXT });
    $(fieldId).setAttribute('aria-invalid', 'true');
  } else if ($(fieldId).getAttribute('aria-invalid') === 'true' && n > 0) {
    say(errorId);
    $(fieldId).setAttribute('aria-invalid', 'false');
  }
}

export function typing() {
  if (ui.state !== 'assigned' || !ui.conn) return;
  const now = Date.now();
  if (now - ui.lastTypingSent < TYPING_EVERY_MS) return;
  ui.lastTypingSent = now;
  ui.conn.send({ type: 'typing' });
}
