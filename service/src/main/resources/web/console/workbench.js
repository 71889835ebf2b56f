// Rules workbench: versions, drafts edited with validation as you type, try, test, publish, rollback.
import { setCsrf } from './api.js';

const $ = (id) => document.getElementById(id);
let csrf = null;
let draft = null;
let validateTimer = null;

async function call(method, path, body, raw) {
  const headers = raw ? { 'Content-Type': 'application/zip' } : { 'Content-Type': 'application/json' };
  if (method !== 'GET') headers['X-CSRF-Token'] = csrf;
  const res = await fetch(path, { method, headers, credentials: 'same-origin', body: raw ?? (body === undefined ? undefined : JSON.stringify(body)) });
  const json = await res.json().catch(() => null);
  if (!res.ok) throw Object.assign(new Error(json?.error?.message || res.statusText), { status: res.status, body: json });
  return json;
}

const status = (text) => { $('status').textContent = text; };
const cell = (row, text) => { row.insertCell().textContent = text ?? ''; };

async function loadVersions() {
  const { versions } = await call('GET', '/api/workbench/versions');
  const body = $('versions').tBodies[0];
  body.replaceChildren();
  for (const v of versions) {
    const row = body.insertRow();
    cell(row, `${v.version}${v.active ? ' (aktiivinen)' : ''}`);
    cell(row, v.author);
    cell(row, new Date(v.createdAt).toLocaleString());
    cell(row, v.comment);
    const actions = row.insertCell();
    actions.append(button('Muutokset', () => showDiff(v.version)));
    const link = document.createElement('a');
    link.href = `/api/workbench/versions/${v.version}/export`;
    link.textContent = ` zip (v${v.version}) `;
    actions.append(link);
    if (!v.active) actions.append(button(`Palauta versioon ${v.version}`, () => rollback(v.version)));
  }
}

function button(text, onClick) {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = text;
  b.addEventListener('click', onClick);
  return b;
}

async function showDiff(n) {
  const v = await call('GET', `/api/workbench/versions/${n}`);
  $('diff').hidden = false;
  $('diff').textContent = v.diff || '(ei muutoksia)';
}

async function rollback(n) {
  const r = await call('POST', `/api/workbench/versions/${n}/rollback`, { comment: 'palautus työpöydältä' });
  status(`Palautettu: versio ${r.version} on nyt aktiivinen.`);
  await loadVersions();
}

function openDraft(d) {
  draft = d;
  $('draft').hidden = false;
  $('draft-base').textContent = `Perustuu versioon ${d.baseVersion}.`;
  const select = $('file');
  const current = select.value;
  select.replaceChildren(...Object.keys(d.files).map((name) => new Option(name, name)));
  select.value = d.files[current] !== undefined ? current : select.options[0]?.value;
  $('editor').value = d.files[select.value] ?? '';
}

async function validateNow() {
  const path = $('file').value;
  const r = await call('POST', `/api/workbench/drafts/${draft.id}/validate`, { path, content: $('editor').value });
  showValidation(r);
}

function showValidation(r) {
  const v = $('validation');
  v.className = `validation ${r.valid ? 'ok' : 'bad'}`;
  v.textContent = r.valid ? 'Kelvollinen.' : `${r.error.file}:${r.error.line}: ${r.error.message}`;
}

async function save() {
  const path = $('file').value;
  const r = await call('PUT', `/api/workbench/drafts/${draft.id}/files`, { path, content: $('editor').value });
  draft.files[path] = $('editor').value;
  showValidation(r);
  status(`Tallennettu ${path}.`);
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
    status(err.message);
  }
}

function summary(o) {
  return [`kiireellisyys: ${o.urgency}`, `palvelu: ${o.service}`, `jono: ${o.queue}`, `määräaika: ${o.deadline ?? '–'}`,
    `vastattu: ${o.answered}`, `turvallisuus: ${o.safety.map((s) => s.rule).join(', ') || '–'}`,
    `UKK: ${o.faq.map((f) => f.id).join(', ') || '–'}`, '', ...o.explanation].join('\n');
}

async function test() {
  status('Ajetaan tapauksia…');
  const r = await call('POST', `/api/workbench/drafts/${draft.id}/test`, {});
  const box = $('report');
  box.replaceChildren();
  const dl = document.createElement('dl');
  dl.className = 'figures';
  const pct = (x) => `${(x * 100).toFixed(1)} %`;
  for (const [k, v] of [['Tapauksia', r.cases], ['Tarkkuus (luonnos)', pct(r.accuracy)], ['Tarkkuus (julkaistu)', pct(r.publishedAccuracy)],
    ['Kiireellisyys oikein', pct(r.urgencyAccuracy)], ['Palvelu oikein', pct(r.serviceAccuracy)], ['Hätätilanteet tunnistettu', pct(r.emergencyRecall)],
    ['Muuttuvat tapaukset', r.changed.length], ['Epäonnistuvat tapaukset', r.failing.length]]) {
    const dt = document.createElement('dt');
    dt.textContent = k;
    const dd = document.createElement('dd');
    dd.textContent = v;
    if (k.startsWith('Hätä') && r.emergencyRecall < 1) dd.className = 'gate-bad';
    dl.append(dt, dd);
  }
  box.append(dl, confusion('Kiireellisyys: odotettu × luonnos', r.urgencyConfusion), changedTable(r.changed));
  status('Testi valmis.');
}

function confusion(title, table) {
  const t = document.createElement('table');
  const cols = [...new Set(Object.values(table).flatMap((row) => Object.keys(row)))].sort();
  t.createCaption().textContent = title;
  const head = t.createTHead().insertRow();
  for (const c of ['', ...cols]) { const th = document.createElement('th'); th.scope = 'col'; th.textContent = c; head.append(th); }
  const body = t.createTBody();
  for (const [expected, row] of Object.entries(table)) {
    const tr = body.insertRow();
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = expected;
    tr.append(th);
    for (const c of cols) cell(tr, row[c] ?? 0);
  }
  return t;
}

function changedTable(changed) {
  const t = document.createElement('table');
  t.createCaption().textContent = 'Tapaukset, joiden tulos muuttuu';
  const head = t.createTHead().insertRow();
  for (const c of ['Tapaus', 'Viesti', 'Julkaistu', 'Luonnos']) { const th = document.createElement('th'); th.scope = 'col'; th.textContent = c; head.append(th); }
  const body = t.createTBody();
  for (const c of changed) {
    const tr = body.insertRow();
    tr.dataset.case = c.id;
    cell(tr, c.id);
    cell(tr, c.text);
    cell(tr, `${c.published.urgency} / ${c.published.service} / ${c.published.faq ?? '–'}`);
    cell(tr, `${c.draft.urgency} / ${c.draft.service} / ${c.draft.faq ?? '–'}`);
  }
  return t;
}

async function publish(e) {
  e.preventDefault();
  try {
    const r = await call('POST', `/api/workbench/drafts/${draft.id}/publish`, { comment: $('comment').value });
    status(`Julkaistu versiona ${r.version}.`);
    $('draft').hidden = true;
    draft = null;
    await loadVersions();
  } catch (err) {
    status(err.message);
    if (err.status === 409) $('rebase').hidden = false;
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
    row.insertCell().append(button('Hyväksy tapaukseksi', async () => {
      if (!draft) { status('Avaa ensin luonnos.'); return; }
      showValidation(await call('POST', `/api/workbench/drafts/${draft.id}/corrections/${c.eventId}/accept`, {}));
      openDraft(await call('GET', `/api/workbench/drafts/${draft.id}`));
      status('Korjaus lisätty tiedostoon cases/corrections.yaml.');
    }));
  }
}

async function init() {
  try {
    const me = await call('GET', '/api/auth/me');
    csrf = me.csrfToken;
    setCsrf(csrf);
    await loadVersions();
  } catch {
    $('signin-needed').hidden = false;
    return;
  }
  $('bench').hidden = false;
  $('new-draft').addEventListener('click', async () => openDraft(await call('POST', '/api/workbench/drafts', {})));
  $('import').addEventListener('change', async (e) => {
    const file = e.target.files[0];
    if (file) openDraft(await call('POST', '/api/workbench/drafts/import', undefined, await file.arrayBuffer()));
  });
  $('file').addEventListener('change', () => { $('editor').value = draft.files[$('file').value] ?? ''; });
  $('add-file').addEventListener('click', () => {
    const name = $('new-file').value.trim();
    if (!name) return;
    draft.files[name] = '';
    openDraft(draft);
    $('file').value = name;
    $('editor').value = '';
  });
  $('editor').addEventListener('input', () => {
    clearTimeout(validateTimer);
    validateTimer = setTimeout(() => validateNow().catch((err) => status(err.message)), 600);
  });
  $('save').addEventListener('click', () => save().catch((err) => status(err.message)));
  $('try-form').addEventListener('submit', tryIt);
  $('test').addEventListener('click', () => test().catch((err) => status(err.message)));
  $('publish-form').addEventListener('submit', publish);
  $('rebase').addEventListener('click', async () => {
    openDraft(await call('POST', `/api/workbench/drafts/${draft.id}/rebase`, {}));
    $('rebase').hidden = true;
    status('Luonnos siirretty uusimman version päälle. Testaa ja julkaise uudelleen.');
  });
  await loadCorrections();
}

init();
