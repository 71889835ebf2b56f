// Proxy use in the conversation view (docs/identification.md, "Proxy use"): whom the resident says they act for, the
// relation, the code masked, and the mandate as the service found it — today always "declared, not verified".
import { t } from './i18n.js';

import { $ } from '/widget/dom.js';

export class ProxyBox {
  constructor(current) {
    this.current = current; // () => the open conversation's id
  }

  /** A conversation was opened: its relation until a `proxy` frame brings the declaration. */
  show(conversation) {
    $('proxy-mandate').textContent = '';
    $('proxy-state').textContent = conversation.proxy
      ? t('proxyRelationOnly', { relation: this.relation(conversation.proxy) }) : t('proxyNone');
  }

  frame(f) {
    if (f.conversationId !== this.current()) return;
    if (f.status === 'declared') {
      const vars = { name: f.person.name, relation: this.relation(f.relation), nationalId: f.person.nationalId };
      $('proxy-state').textContent = t(f.person.nationalId ? 'proxyDeclaredId' : 'proxyDeclared', vars);
      $('proxy-mandate').textContent = t('proxyMandate', { mandate: t(`proxyMandate_${f.mandate}`) });
    } else if (f.status === 'withdrawn') {
      $('proxy-state').textContent = t('proxyWithdrawn');
      $('proxy-mandate').textContent = '';
    }
  }

  relation(wire) {
    return t(`proxy_${wire}`);
  }
}
