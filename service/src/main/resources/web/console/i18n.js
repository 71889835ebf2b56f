// Texts come only from i18n/<bundle><lang>.json; the chosen language is kept for the tab only and shared by the
// console, the workbench and the insights pages.
let texts = {};
let bundles = [''];
export let lang = sessionStorage.getItem('ikkuna.console.lang') || 'fi';
// Dates and times follow the console's language, not the browser's (issue 14.7); Finnish and Swedish as used in Finland.
const LOCALES = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

/**
 * Loads a language. {@code names} are the bundles merged in order: '' is the console's (server codes, states,
 * triage reasons), a page adds its own ('workbench-'); the choice is remembered for later language switches.
 */
export async function load(next, names = bundles) {
  lang = next;
  bundles = names;
  sessionStorage.setItem('ikkuna.console.lang', lang);
  const parts = await Promise.all(bundles.map(async (b) => (await fetch(`i18n/${b}${lang}.json`)).json()));
  texts = Object.assign({}, ...parts);
  document.documentElement.lang = lang;
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of document.querySelectorAll('[data-i18n-label]')) el.setAttribute('aria-label', t(el.dataset.i18nLabel));
  for (const el of document.querySelectorAll('[data-i18n-placeholder]')) el.placeholder = t(el.dataset.i18nPlaceholder);
  if (texts.pageTitle) document.title = texts.pageTitle;
}

export function t(key, params = {}) {
  let s = texts[key] ?? key;
  for (const [k, v] of Object.entries(params)) s = s.replaceAll(`{${k}}`, String(v));
  return s;
}

/** True when the loaded texts have this key (so a server code without a text can fall back to a generic one). */
export function has(key) {
  return key in texts;
}

export const locale = () => LOCALES[lang] || lang;
export const dateTime = (iso) => (iso ? new Date(iso).toLocaleString(locale()) : '–');
export const time = (iso) => (iso ? new Date(iso).toLocaleTimeString(locale()) : '');
