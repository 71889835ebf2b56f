// The widget's one conversation state, shared by the modules of app.js; what the screen shows follows from it (view.js).
import { t } from './i18n.js';
import { setText } from './dom.js';

export const LIVE_STATES = ['new', 'triaged', 'self_served', 'queued', 'assigned'];

export const ui = {
  state: null,
  convLang: null,
  assignee: null,
  // name → title of every professional who answered here: message labels and the transcript keep them after they left.
  titles: {},
  emergency: [],
  open: true,
  messages: [],
  lastTypingSent: 0,
  typingTimer: null,
  connected: true,
  // false while nobody can answer in the conversation's queue (queue frame staffed: false): no promise of a wait.
  staffed: true,
  // 'chat' (the default), 'appt' (remote appointment) or 'form'; chosen from the menu before a chat starts.
  mode: 'chat',
  // The socket (connection.js) once a conversation exists; null before the first message and after a restart.
  conn: null,
};

// Texts shown in status and error spots, kept as key + values so a language change can re-render them.
const spoken = new Map();

export function say(id, key, vars) {
  if (key) spoken.set(id, [key, vars]); else spoken.delete(id);
  setText(id, key ? t(key, vars) : '');
}

/** Every status and error text again, in the language just loaded. */
export function respeak() {
  for (const [id, [key, vars]] of spoken) setText(id, t(key, vars));
}

/** True while emergency guidance is shown (also after a reload, from the stored flag). */
export function emergency() {
  return ui.emergency.length > 0;
}
