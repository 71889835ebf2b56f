// The popup's last page after the identification service (docs/identification.md): what happened, in the resident's
// language; the reason code is in the URL fragment. The conversation itself learns the result over its own socket.
import { load, t, apply, pickLang } from './i18n.js';
import { $, setText } from './dom.js';

async function main() {
  const params = new URLSearchParams(location.search);
  await load(pickLang(params.get('lang'), navigator.languages || [navigator.language]));
  apply();
  const reason = location.hash.slice(1).replace(/[^a-z_]/g, '');
  document.title = t('ident.page.title');
  if (reason === 'ok') {
    setText('i-title', t('ident.page.title'));
    setText('i-status', t('ident.page.ok'));
  } else {
    const key = t(`ident.reasons.${reason}`) !== `ident.reasons.${reason}` ? `ident.reasons.${reason}`
      : reason.startsWith('token') ? 'ident.reasons.token' : 'ident.reasons.generic';
    setText('i-title', t('ident.page.failedTitle'));
    setText('i-status', t('ident.failed', { reason: t(key) }));
  }
  document.body.dataset.result = reason;
  $('i-close').addEventListener('click', () => window.close());
  $('i-title').focus();
}

main();
