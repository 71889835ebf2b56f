// Texts come only from i18n/<lang>.json; the code never carries user-facing words.
export const LANGS = ['fi', 'sv', 'en'];
let texts = {};
let current = 'fi';

export function pickLang(...candidates) {
  for (const c of candidates.flat()) {
    const p = String(c || '').slice(0, 2).toLowerCase();
    if (LANGS.includes(p)) return p;
  }
  return 'fi';
}

export async function load(lang) {
  const res = await fetch(`i18n/${lang}.json`);
  texts = await res.json();
  current = lang;
  document.documentElement.lang = lang;
  return lang;
}

/** Adds a page's own bundle, i18n/<name>-<lang>.json, to the texts of the loaded language. */
export async function loadExtra(name) {
  const res = await fetch(`i18n/${name}-${current}.json`);
  Object.assign(texts, await res.json());
}

export function lang() {
  return current;
}

/** The text at a dotted key with {name} placeholders filled; a missing key shows the key so it is noticed. */
export function t(key, vars = {}) {
  const value = key.split('.').reduce((o, k) => (o == null ? o : o[k]), texts);
  if (typeof value !== 'string') return key;
  return value.replace(/\{(\w+)\}/g, (m, name) => (name in vars ? String(vars[name]) : m));
}

/** Fills every [data-i18n] element's text and every [data-i18n-label] element's accessible name. */
export function apply(root = document) {
  root.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
  root.querySelectorAll('[data-i18n-label]').forEach((el) => {
    el.setAttribute('aria-label', t(el.dataset.i18nLabel));
    el.title = t(el.dataset.i18nLabel);
  });
  document.title = t('app.title');
}
