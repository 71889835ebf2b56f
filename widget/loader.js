// Ikkuna widget loader. Embed: <script src="https://<service>/widget/loader.js" data-lang="fi" async></script>
// Adds a launcher button to the host page and opens the widget app in an iframe served from the service's origin.
// Everything user-facing comes from the service's i18n files; the host page gets no access to the conversation.
(() => {
  'use strict';
  const script = document.currentScript;
  if (!script || window.__ikkunaLoaded) return;
  window.__ikkunaLoaded = true;

  const LANGS = ['fi', 'sv', 'en'];
  const src = new URL(script.src, location.href);
  const origin = src.origin;
  const base = new URL('./', src).href;
  const data = script.dataset;
  const lang = pickLang(data.lang);
  const side = data.position === 'left' ? 'left' : 'right';
  const z = /^\d{1,10}$/.test(data.zIndex || '') ? data.zIndex : '2147483000';
  // Only a boolean lives in the host page's sessionStorage: whether the panel was open, so a reload restores it.
  const OPEN_KEY = 'ikkuna.open';

  let frame = null;
  let wrap = null;
  let open = false;

  const launcher = document.createElement('button');
  launcher.type = 'button';
  launcher.id = 'ikkuna-launcher';
  launcher.setAttribute('aria-expanded', 'false');
  launcher.lang = lang;
  launcher.textContent = 'Ikkuna';
  Object.assign(launcher.style, {
    position: 'fixed', bottom: '16px', [side]: '16px', zIndex: z, font: '600 1rem/1.2 system-ui, sans-serif',
    color: '#ffffff', background: '#0b5394', border: '2px solid #ffffff', borderRadius: '24px',
    padding: '12px 20px', minHeight: '48px', cursor: 'pointer', boxShadow: '0 2px 8px rgba(0,0,0,.35)',
    maxWidth: 'calc(100vw - 32px)'
  });
  // A visible focus ring the host page's own CSS cannot remove by accident.
  launcher.addEventListener('focus', () => { launcher.style.outline = '3px solid #f2b200'; launcher.style.outlineOffset = '3px'; });
  launcher.addEventListener('blur', () => { launcher.style.outline = 'none'; });
  launcher.addEventListener('click', () => (open ? hide(true) : show(false)));

  fetch(base + 'i18n/' + lang + '.json', { credentials: 'omit' })
    .then((r) => r.json())
    .then((t) => { launcher.textContent = t.launcher.open; launcher.dataset.frameTitle = t.launcher.frameTitle; })
    .catch(() => { /* the neutral name stays; the app still works */ });

  function pickLang(wanted) {
    if (LANGS.includes(wanted)) return wanted;
    for (const l of navigator.languages || [navigator.language || '']) {
      const p = String(l).slice(0, 2).toLowerCase();
      if (LANGS.includes(p)) return p;
    }
    return 'fi';
  }

  function build() {
    wrap = document.createElement('div');
    wrap.id = 'ikkuna-panel';
    Object.assign(wrap.style, {
      position: 'fixed', bottom: '80px', [side]: '16px', zIndex: z, width: 'min(400px, calc(100vw - 32px))',
      height: 'min(640px, calc(100vh - 96px))', boxShadow: '0 4px 16px rgba(0,0,0,.35)', borderRadius: '8px',
      overflow: 'hidden', background: '#ffffff', display: 'none'
    });
    frame = document.createElement('iframe');
    const url = new URL(base + 'app.html');
    url.searchParams.set('lang', lang);
    url.searchParams.set('parent', location.origin);
    frame.src = url.href;
    frame.title = launcher.dataset.frameTitle || 'Ikkuna';
    frame.setAttribute('lang', lang);
    Object.assign(frame.style, { border: '0', width: '100%', height: '100%', display: 'block' });
    wrap.appendChild(frame);
    document.body.appendChild(wrap);
    launcher.setAttribute('aria-controls', wrap.id);
  }

  // Small screens and high zoom get the whole viewport; the app's own close button leads back.
  function fit() {
    const small = window.innerWidth < 480 || window.innerHeight < 560;
    Object.assign(wrap.style, small
      ? { top: '0', bottom: '0', left: '0', right: '0', width: '100%', height: '100%', borderRadius: '0' }
      : { top: 'auto', bottom: '80px', left: side === 'left' ? '16px' : 'auto', right: side === 'right' ? '16px' : 'auto',
        width: 'min(400px, calc(100vw - 32px))', height: 'min(640px, calc(100vh - 96px))', borderRadius: '8px' });
    launcher.style.visibility = small && open ? 'hidden' : 'visible';
  }
  window.addEventListener('resize', () => { if (wrap) fit(); });

  function show(restoring) {
    if (!frame) build();
    wrap.style.display = 'block';
    open = true;
    fit();
    launcher.setAttribute('aria-expanded', 'true');
    remember(true);
    // A panel restored after a reload must not steal focus from the page the resident is reading.
    if (restoring) return;
    frame.focus();
    post({ type: 'open' });
  }

  function hide(focusLauncher) {
    if (!wrap) return;
    wrap.style.display = 'none';
    open = false;
    fit();
    launcher.setAttribute('aria-expanded', 'false');
    remember(false);
    if (focusLauncher) launcher.focus();
  }

  function post(msg) {
    // Explicit target origin: the message can only reach the service's own document.
    if (frame && frame.contentWindow) frame.contentWindow.postMessage(Object.assign({ ikkuna: 1 }, msg), origin);
  }

  function remember(value) {
    try { value ? sessionStorage.setItem(OPEN_KEY, '1') : sessionStorage.removeItem(OPEN_KEY); } catch (e) { /* storage off */ }
  }

  window.addEventListener('message', (event) => {
    if (!frame || event.source !== frame.contentWindow || event.origin !== origin) return;
    const msg = event.data;
    if (!msg || msg.ikkuna !== 1) return;
    if (msg.type === 'close') hide(true);
    else if (msg.type === 'ready' && open && document.activeElement === frame) post({ type: 'open' });
  });

  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && open && document.activeElement === launcher) hide(true);
  });

  function mount() {
    document.body.appendChild(launcher);
    let wasOpen = false;
    try { wasOpen = sessionStorage.getItem(OPEN_KEY) === '1'; } catch (e) { /* storage off */ }
    if (wasOpen) show(true);
  }
  if (document.body) mount(); else document.addEventListener('DOMContentLoaded', mount);
})();
