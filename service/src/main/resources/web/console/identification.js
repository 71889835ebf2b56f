// Strong identification in the conversation view (docs/identification.md): the resident's level and, once identified,
// name and masked identity code; "Ask to identify" for the assignee; the full code only on a logged reveal.
import { t } from './i18n.js';

import { $ } from '/widget/dom.js';

export class IdentificationBox {
  constructor(socket, current) {
    this.socket = socket;
    this.current = current; // () => the open conversation's id
    $('ident-form').addEventListener('submit', (e) => {
      e.preventDefault();
      this.socket.send({ type: 'request_identification', conversationId: this.current(), level: $('ident-pick').value });
    });
    $('ident-reveal').addEventListener('click', () => this.socket.send({ type: 'reveal_identity', conversationId: this.current() }));
  }

  /** A conversation was opened: its level until an `identification` frame says more. */
  show(conversation) {
    $('ident-full').textContent = '';
    $('ident-reveal').hidden = true;
    $('ident-state').textContent = conversation.identificationLevel && conversation.identificationLevel !== 'anonymous'
      ? t('identIdentified', { level: this.level(conversation.identificationLevel), name: '', nationalId: '' })
      : t('identAnonymous');
  }

  frame(f) {
    if (f.conversationId !== this.current()) return;
    const level = this.level(f.level);
    if (f.status === 'identified') {
      $('ident-state').textContent = t('identIdentified', { level, name: f.identity.name, nationalId: f.identity.nationalId });
      $('ident-reveal').hidden = false;
    } else if (f.status === 'requested') {
      $('ident-state').textContent = t('identRequested', { level });
    } else if (f.status === 'failed') {
      $('ident-state').textContent = t('identFailed', { reason: f.reason });
    }
  }

  revealed(f) {
    if (f.conversationId === this.current()) $('ident-full').textContent = t('identRevealed', { nationalId: f.nationalId });
  }

  level(level) {
    return level === 'high' ? t('identHigh') : level === 'substantial' ? t('identSubstantial') : level;
  }
}

/** The sign-in view's "Sign in with the organisation account", when the service has an identity provider. */
export async function setUpIdpSignIn() {
  const params = new URLSearchParams(location.search);
  const reason = params.get('signin');
  if (reason) $('login-error').textContent = reason === 'no_access' ? t('signin_no_access') : t('signin_failed', { reason });
  try {
    const options = await (await fetch('/api/auth/oidc', { credentials: 'same-origin' })).json();
    if (!options.enabled) return;
    const link = $('idp-signin');
    link.href = `/api/auth/oidc/start?lang=${encodeURIComponent(document.documentElement.lang || 'fi')}`;
    if (options.label) link.textContent = options.label;
    link.hidden = false;
  } catch {
    // no identity provider answer: local sign-in only
  }
}
