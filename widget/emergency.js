// The emergency box: the pipeline's own instruction first, then the general numbers; it stays for the whole tab.
import { t } from './i18n.js';
import { el, $, show } from './dom.js';
import { session } from './session.js';
import { ui, say } from './state.js';

export function showEmergency(safety) {
  ui.emergency = safety.length ? safety : ui.emergency.length ? ui.emergency : [{}];
  session.set({ emergency: true });
  const box = $('emergency');
  const list = el('ul', {},
    el('li', {}, el('a', { text: t('emergency.call112'), attrs: { href: 'tel:112' } })),
    el('li', {}, el('a', { text: t('emergency.call116117'), attrs: { href: 'tel:116117' } })),
    el('li', {}, el('a', { text: t('emergency.mieli'), attrs: { href: 'tel:+358925250111' } })));
  const fromService = ui.emergency.filter((s) => s.instruction)
    .map((s) => el('p', { cls: 'emergency__service', text: s.instruction, lang: ui.convLang }));
  const first = !box.childElementCount;
  // The pipeline's specific instruction ("Soita heti 112. Älä lähde ajamaan itse…") first, the general numbers after it.
  box.replaceChildren(el('h2', { text: t('emergency.title') }), ...fromService, list);
  if (ui.state === 'queued') say('status', 'queue.emergency');
  // A compact 112 link stays in the header however far the conversation scrolls.
  show('sos', true);
  if (first) box.scrollIntoView({ block: 'start' });
}

/** While emergency guidance is on screen a stray Esc must not hide it; the close button still works. */
export function escapeKeepsGuidance(e) {
  if (ui.emergency.length || session.get().emergency) { e.preventDefault(); return true; }
  return false;
}
