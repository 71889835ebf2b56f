// Texts come only from i18n/<lang>.json; the chosen language is kept for the tab only.
let texts = {};
export let lang = sessionStorage.getItem('ikkuna.console.lang') || 'fi';

export async function load(next) {
  lang = next;
  sessionStorage.setItem('ikkuna.console.lang', lang);
  const res = await fetch(`i18n/${lang}.json`);
  texts = await res.json();
  document.documentElement.lang = lang;
  for (const el of document.querySelectorAll('[data-i18n]')) {
    el.textContent = t(el.dataset.i18n);
  }
}

export function t(key, params = {}) {
  let s = texts[key] ?? key;
  for (const [k, v] of Object.entries(params)) s = s.replace(`{${k}}`, String(v));
  return s;
}
