// "Which FAQ entry answers this?" (issue 12.3): the assignee picks the entry that would have answered the resident;
// rules editors see the pick as a proposed variant of that entry (docs/workbench.md, "FAQ proposals"). The resident
// sees nothing of it. Entries come in the conversation's language, which may differ from the console's.
import { t } from './i18n.js';
import { api } from './api.js';

import { el, $ } from '/widget/dom.js';

export class FaqPick {
  constructor(current) {
    this.current = current; // () => the open conversation's id
    this.lang = null;
    $('faq-pick-form').addEventListener('submit', (e) => { e.preventDefault(); this.pick(); });
  }

  /** A conversation was opened: the picker lists the entries of its language. */
  async show(conversation) {
    $('faq-pick-status').textContent = '';
    if (this.lang === conversation.language) return;
    this.lang = conversation.language;
    const select = $('faq-pick-entry');
    select.lang = conversation.language;
    try {
      const { entries } = await api.faqEntries(conversation.language);
      select.replaceChildren(...entries.map((e) => el('option', { text: e.question, attrs: { value: e.id } })));
    } catch (err) {
      this.lang = null;
      $('faq-pick-status').textContent = t('faqPickFailed');
    }
  }

  async pick() {
    const id = this.current();
    const faqId = $('faq-pick-entry').value;
    if (!id || !faqId) return;
    try {
      await api.faqPick(id, faqId);
      $('faq-pick-status').textContent = t('faqPicked');
    } catch (err) {
      $('faq-pick-status').textContent = t(err.code === 'not_assignee' ? 'faqPickNotAssignee' : 'faqPickFailed');
    }
  }
}
