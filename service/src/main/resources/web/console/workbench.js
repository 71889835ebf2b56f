// Rules workbench: versions, drafts edited with validation as you type, try, test, publish, rollback.
// Texts: the console's bundle (server codes, urgencies, triage reasons) plus i18n/workbench-<lang>.json.
import { call, setCsrf } from './api.js';
import { el, $ } from '/widget/dom.js';
import { load, t, lang, dateTime } from './i18n.js';
import { reason, serviceName } from './reasons.js';
import { problemText, refusal } from './wbtext.js';

let draft = null;
let me = null;
let shownFile = null;
let validateTimer = null;
let lastValidation = null;

const status = (text) => { $('status').textContent = text; };
const fail = (err) => status(refusal(err));
const cell = (row, text) => { row.insertCell().textContent = text ?? ''; };

/** Asks in the page's own dialog (translated buttons, unlike window.confirm); resolves to the chosen value or ''. */
function ask(text, choices) {
  const dialog = $('confirm');
  $('confirm-text').textContent = text;
  $('confirm-choices').replaceChildren(...choices.map(([value, label]) => {
    return el('button', { text: label, attrs: { value } });
  }));
  dialog.returnValue = '';
  dialog.showModal();
  dialog.querySelector('button:last-child').focus();
  return new Promise((resolve) => dialog.addEventListener('close', () => resolve(dialog.returnValue), { once: true }));
}

async function loadVersions() {
  const { versions } = await call('GET', '/api/workbench/versions');
  const body = $('versions').tBodies[0];
  body.replaceChildren();
  for (const v of versions) {
    const row = body.insertRow();
    cell(row, v.active ? t('versionActive', { n: v.version }) : String(v.version));
    cell(row, v.author === 'triage-rules directory' ? t('authorDirectory') : v.author);
    cell(row, dateTime(v.createdAt));
    cell(row, versionComment(v.comment));
    const actions = row.insertCell();
    actions.append(button(t('showDiff'), () => showDiff(v.version)));
    actions.append(el('a', { text: ` ${t('exportZip', { n: v.version })} `, attrs: { href: `/api/workbench/versions/${v.version}/export` } }));
    if (!v.active) actions.append(button(t('rollbackTo', { n: v.version }), () => rollback(v.version)));
  }
}

/** The comments the server writes itself (RuleVersions: import, rollback) are English; they are shown translated. */
function versionComment(c) {
  const imported = /^imported from (.*)$/s.exec(c || '');
  if (imported) return t('commentImported', { dir: imported[1] });
  const back = /^rollback to version (\d+)(?:: (.*))?$/s.exec(c || '');
  if (back) return t('commentRollback', { n: back[1] }) + (back[2] ? `: ${back[2]}` : '');
  return c;
}

function button(text, onClick) {
  const b = el('button', { text, attrs: { type: 'button' } });
  b.addEventListener('click', onClick);
  return b;
}

async function showDiff(n) {
  const v = await call('GET', `/api/workbench/versions/${n}`);
  $('diff').hidden = false;
  $('diff').textContent = v.diff || t('noChanges');
}

/** Rollback publishes at once to every resident: it asks first (issue 14.9). */
async function rollback(n) {
  const answer = await ask(t('rollbackConfirm', { n }), [['rollback', t('rollbackYes', { n })], ['', t('cancel')]]);
  if (answer !== 'rollback') { status(t('rollbackCancelled')); return; }
  const r = await call('POST', `/api/workbench/versions/${n}/rollback`, { comment: t('rollbackComment') });
  status(t('rolledBack', { n: r.version }));
  await loadVersions();
}

const dirty = () => draft !== null && shownFile !== null && $('editor').value !== (draft.files[shownFile] ?? '');

function markDirty() {
  $('unsaved').textContent = dirty() ? t('unsavedNote', { file: shownFile }) : '';
}

function show(name) {
  shownFile = name;
  $('file').value = name;
  $('editor').value = draft.files[name] ?? '';
  lastValidation = null;
  $('validation').textContent = '';
  markDirty();
}

function openDraft(d, keep = shownFile) {
  draft = d;
  $('draft').hidden = false;
  // Four eyes (docs/workbench.md): another rules editor approves exactly these files; the author cannot.
  $('approve').hidden = !d.authorId || d.authorId === me?.professional?.id;
  $('approval').textContent = d.approvedBy ? t('approvedBy', { name: d.approvedBy }) : '';
  $('draft-base').textContent = t('basedOn', { n: d.baseVersion });
  $('file').replaceChildren(...Object.keys(d.files).map((name) => new Option(name, name)));
  show(d.files[keep] !== undefined ? keep : $('file').options[0]?.value);
}

/** Unsaved edits are never dropped silently: save them, discard them, or stay (issue 14.9). */
async function leaveFile() {
  if (!dirty()) return true;
  const answer = await ask(t('unsavedConfirm', { file: shownFile }),
    [['save', t('unsavedSave')], ['discard', t('unsavedDiscard')], ['', t('unsavedStay')]]);
  if (answer === 'save') { await save(); return true; }
  return answer === 'discard';
}

async function switchFile() {
  const next = $('file').value;
  $('file').value = shownFile;
  if (await leaveFile()) show(next);
  else $('editor').focus();
}

async function validateNow() {
  const r = await call('POST', `/api/workbench/drafts/${draft.id}/validate`, { path: shownFile, content: $('editor').value });
  showValidation(r);
}

function showValidation(r) {
  lastValidation = r;
  const v = $('validation');
  v.className = `validation ${r.valid ? 'ok' : 'bad'}`;
  v.textContent = r.valid ? t('valid') : problemText(r.error, shownFile);
}

async function save() {
  const path = shownFile;
  const content = $('editor').value;
  const r = await call('PUT', `/api/workbench/drafts/${draft.id}/files`, { path, content });
  draft.files[path] = content;
  showValidation(r);
  markDirty();
  status(t('saved', { file: path }));
}

async function tryIt(e) {
  e.preventDefault();
  const body = { text: $('try-text').value, language: $('try-lang').value, channel: $('try-channel').value };
  if ($('try-age').value) body.age = Number($('try-age').value);
  if ($('try-at').value) body.at = `${$('try-at').value}:00+02:00`;
  try {
    const r = await call('POST', `/api/workbench/drafts/${draft.id}/try`, body);
    $('try-draft').textContent = summary(r.draft);
    $('try-published').textContent = summary(r.published);
  } catch (err) {
    fail(err);
  }
}

function summary(o) {
  return [`${t('sumUrgency')}: ${t(o.urgency)}`, `${t('sumService')}: ${serviceName(o.service)}`, `${t('sumQueue')}: "${o.queue}"`,
    `${t('sumDeadline')}: ${dateTime(o.deadline)}`, `${t('sumAnswered')}: ${t(o.answered ? 'yes' : 'no')}`,
    `${t('sumSafety')}: ${o.safety.map((s) => s.rule).join(', ') || '–'}`, `${t('sumFaq')}: ${o.faq.map((f) => f.id).join(', ') || '–'}`,
    '', ...o.explanation.map(reason)].join('\n');
}

async function test() {
  status(t('testing'));
  const r = await call('POST', `/api/workbench/drafts/${draft.id}/test`, {});
  const box = $('report');
  box.replaceChildren();
  const dl = el('dl', { cls: 'figures' });
  const pct = (x) => `${new Intl.NumberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(x * 100)} %`;
  for (const [k, v] of [['figCases', r.cases], ['figAccuracy', pct(r.accuracy)], ['figPublishedAccuracy', pct(r.publishedAccuracy)],
    ['figUrgency', pct(r.urgencyAccuracy)], ['figService', pct(r.serviceAccuracy)], ['figRecall', pct(r.emergencyRecall)],
    ['figChanged', r.changed.length], ['figFailing', r.failing.length]]) {
    const bad = k === 'figRecall' && r.emergencyRecall < 1;
    dl.append(el('dt', { text: t(k) }), el('dd', { text: v, cls: bad ? 'gate-bad' : null, attrs: { 'data-figure': k } }));
  }
  box.append(dl, confusion(t('confusionTitle'), r.urgencyConfusion), changedTable(r.changed));
  status(t('testDone'));
}

function confusion(title, table) {
  const tbl = el('table');
  const cols = [...new Set(Object.values(table).flatMap((row) => Object.keys(row)))].sort();
  tbl.createCaption().textContent = title;
  tbl.createTHead().insertRow().append(...['', ...cols].map((c) => el('th', { text: c ? t(c) : '', attrs: { scope: 'col' } })));
  const body = tbl.createTBody();
  for (const [expected, row] of Object.entries(table)) {
    const tr = body.insertRow();
    tr.append(el('th', { text: t(expected), attrs: { scope: 'row' } }));
    for (const c of cols) cell(tr, row[c] ?? 0);
  }
  return tbl;
}

function changedTable(changed) {
  const tbl = el('table');
  tbl.createCaption().textContent = t('changedTitle');
  tbl.createTHead().insertRow().append(...['colCase', 'colMessage', 'published', 'draft'].map((c) => el('th', { text: t(c), attrs: { scope: 'col' } })));
  const body = tbl.createTBody();
  const outcome = (o) => `${t(o.urgency)} / ${serviceName(o.service)} / ${o.faq ?? '–'}`;
  for (const c of changed) {
    const tr = body.insertRow();
    tr.dataset.case = c.id;
    cell(tr, c.id);
    cell(tr, c.text);
    cell(tr, outcome(c.published));
    cell(tr, outcome(c.draft));
  }
  return tbl;
}

async function publish(e) {
  e.preventDefault();
  try {
    const r = await call('POST', `/api/workbench/drafts/${draft.id}/publish`, { comment: $('comment').value });
    status(t('publishedAs', { n: r.version }));
    $('draft').hidden = true;
    draft = null;
    shownFile = null;
    await loadVersions();
  } catch (err) {
    fail(err);
    if (err.status === 409 && err.body?.error?.rebase) $('rebase').hidden = false;
  }
}

async function loadCorrections() {
  const { corrections } = await call('GET', '/api/workbench/corrections');
  const body = $('corrections').tBodies[0];
  body.replaceChildren();
  for (const c of corrections) {
    const row = body.insertRow();
    cell(row, c.text);
    cell(row, `${c.from} → ${c.to}`);
    cell(row, c.reason);
    row.insertCell().append(button(t('acceptCase'), async () => {
      if (!draft) { status(t('openDraftFirst')); return; }
      if (!(await leaveFile())) return;
      showValidation(await call('POST', `/api/workbench/drafts/${draft.id}/corrections/${c.eventId}/accept`, {}));
      openDraft(await call('GET', `/api/workbench/drafts/${draft.id}`));
      status(t('caseAdded'));
    }));
  }
}

/**
 * Residents' questions professionals answered with an FAQ entry, and questions whose automatic answer did not help
 * (then the editor chooses the entry): accepting one adds it as that entry's variant to the open draft.
 */
async function loadFaqProposals() {
  const { proposals } = await call('GET', '/api/workbench/faq-proposals/');
  const body = $('faq-proposals').tBodies[0];
  body.replaceChildren();
  const entries = {};
  for (const p of proposals) {
    const row = body.insertRow();
    const asked = row.insertCell();
    asked.textContent = p.text;
    asked.lang = p.language; // the resident's language, not the workbench's
    const target = row.insertCell();
    let choice = null;
    if (p.faqId) {
      target.textContent = p.question ? `${p.question} (${p.faqId})` : p.faqId;
    } else {
      entries[p.language] ??= (await call('GET', `/api/faq-picks/entries?lang=${p.language}`)).entries;
      const id = `faq-choice-${p.eventId}`;
      choice = el('select', { lang: p.language, attrs: { id } }, el('option', { text: '–', attrs: { value: '' } }),
        ...entries[p.language].map((e) => el('option', { text: e.question, attrs: { value: e.id } })));
      const label = el('label', { text: t('chooseEntry'), attrs: { for: id } });
      const shown = p.shownQuestion ? el('p', { text: t('shownEntry', { question: p.shownQuestion }) }) : '';
      target.append(label, choice, shown);
    }
    cell(row, t(p.notHelpful ? 'yes' : 'no'));
    row.insertCell().append(button(t('acceptVariant'), async () => {
      if (!draft) { status(t('openDraftFirst')); return; }
      if (choice && !choice.value) { status(t('chooseEntryFirst')); choice.focus(); return; }
      if (!(await leaveFile())) return;
      try {
        await call('POST', `/api/workbench/faq-proposals/${p.eventId}/accept/${draft.id}`, choice ? { faqId: choice.value } : {});
      } catch (err) {
        fail(err);
        return;
      }
      openDraft(await call('GET', `/api/workbench/drafts/${draft.id}`));
      status(t('variantAdded'));
    }));
  }
}

/** Re-renders what JavaScript wrote after a language switch, so the whole page is in one language. */
async function relabel() {
  await loadVersions();
  if (draft) {
    $('draft-base').textContent = t('basedOn', { n: draft.baseVersion });
    markDirty();
    if (lastValidation) showValidation(lastValidation);
  }
}

async function init() {
  await load(lang, ['', 'workbench-']);
  $('lang').value = lang;
  $('lang').addEventListener('change', async (e) => { await load(e.target.value); if (me) await relabel(); });
  try {
    me = await call('GET', '/api/auth/me');
    setCsrf(me.csrfToken);
    await loadVersions();
  } catch {
    $('signin-needed').hidden = false;
    return;
  }
  $('bench').hidden = false;
  $('new-draft').addEventListener('click', async () => {
    if (await leaveFile()) openDraft(await call('POST', '/api/workbench/drafts', {}));
  });
  $('import').addEventListener('change', async (e) => {
    const file = e.target.files[0];
    if (!file || !(await leaveFile())) return;
    try {
      openDraft(await call('POST', '/api/workbench/drafts/import', undefined, await file.arrayBuffer()));
    } catch (err) {
      fail(err);
    }
  });
  $('file').addEventListener('change', () => switchFile().catch(fail));
  $('add-file').addEventListener('click', async () => {
    const name = $('new-file').value.trim();
    if (!name || !(await leaveFile())) return;
    draft.files[name] = draft.files[name] ?? '';
    openDraft(draft, name);
  });
  $('editor').addEventListener('input', () => {
    markDirty();
    clearTimeout(validateTimer);
    validateTimer = setTimeout(() => validateNow().catch(fail), 600);
  });
  window.addEventListener('beforeunload', (e) => { if (dirty()) e.preventDefault(); });
  $('save').addEventListener('click', () => save().catch(fail));
  $('try-form').addEventListener('submit', tryIt);
  $('test').addEventListener('click', () => test().catch(fail));
  $('publish-form').addEventListener('submit', publish);
  $('rebase').addEventListener('click', async () => {
    openDraft(await call('POST', `/api/workbench/drafts/${draft.id}/rebase`, {}));
    $('rebase').hidden = true;
    status(t('rebased'));
  });
  $('approve').addEventListener('click', async () => {
    try {
      const r = await call('POST', `/api/workbench/drafts/${draft.id}/approve`, {});
      $('approval').textContent = t('approvedBy', { name: r.approvedBy });
      await loadDrafts();
    } catch (err) {
      fail(err);
    }
  });
  await loadDrafts();
  await loadCorrections();
  await loadFaqProposals();
}

/** Every draft, so a second rules editor can open the one she is asked to approve. */
async function loadDrafts() {
  const r = await call('GET', '/api/workbench/drafts/');
  $('drafts').replaceChildren(...r.drafts.map((d) => {
    const li = el('li');
    li.append(`${t('draftLine', { n: d.baseVersion, at: dateTime(d.updatedAt) })}${d.mine ? ` (${t('draftMine')})` : ''}`
      + (d.approvedBy ? ` · ${t('approvedBy', { name: d.approvedBy })}` : ''), ' ',
    button(t('openDraft'), async () => {
      if (!(await leaveFile())) return;
      openDraft(await call('GET', `/api/workbench/drafts/${d.id}`));
    }));
    li.dataset.id = d.id;
    return li;
  }));
}

init();
