// Which parts of the widget are on screen: one render() for every state and mode, so no two views disagree.
import { t } from './i18n.js';
import { $, setText, show } from './dom.js';
import { ui, emergency, LIVE_STATES } from './state.js';

/** Shows the parts that fit the conversation's state; one place so no two views disagree. */
export function render() {
  const started = ui.messages.length > 0 || (ui.state && ui.state !== 'new');
  const closed = ui.state === 'closed';
  const chat = ui.mode === 'chat';
  show('intro', !started && chat);
  show('modes', !started && chat);
  show('appt', ui.mode === 'appt');
  show('forms', ui.mode === 'form');
  ui.mydata.render(ui.mode, ui.ident.status);
  const asking = ui.state === 'self_served';
  const wasAsking = !$('feedback').hidden;
  show('feedback', asking);
  // Beside the composer it is always in view; only a very short viewport scrolls it (one column, see app.css).
  if (asking && !wasAsking) $('feedback').scrollIntoView({ block: 'nearest' });
  // Closed or unstaffed: the composer stays for the FAQ; a person is offered through a contact request instead.
  show('composer', chat && !closed);
  show('closed', chat && !closed && !started && !ui.open);
  show('unstaffed-contact', chat && ui.state === 'queued' && !ui.staffed && !emergency());
  show('end', !closed && LIVE_STATES.includes(ui.state) && ui.messages.length > 0);
  show('ended', closed);
  ui.ident.render(ui.state, started);
  ui.proxy.render(ui.state, started);
  const a = ui.assignee;
  show('who', ui.state === 'assigned' && !!a);
  if (a) setText('who', a.title ? t('state.assigned', { name: a.name, title: a.title }) : t('state.assignedNoTitle', { name: a.name }));
  if (closed) setText('typing', '');
}

/** Switches between the chat (default), the remote-appointment request and the forms; focus goes to the new view. */
export function setMode(mode) {
  ui.mode = mode;
  render();
  if (mode === 'appt') ui.appointment.open();
  else if (mode === 'form') ui.forms.open();
  else if (mode === 'mydata') ui.mydata.open();
  else focusPrimary();
}

/** Closed or unstaffed: the contact-request form of the forms API (docs/forms.md), the same pipeline as a chat. */
export function contactRequest() {
  ui.mode = 'form';
  render();
  ui.forms.openForm('contact-request');
}

export function focusPrimary() {
  const target = ['text'].find((id) => !$(id).closest('form').hidden);
  if (target) $(target).focus();
  else if (!$('ended').hidden) $('ended-title').focus();
}
