// Insights dashboard: one card per /api/insights table, each a Chart.js chart with the same rows as a table
// (the accessible alternative) and a CSV link. Texts come only from i18n/insights-<lang>.json.
import { api, call, setCsrf } from './api.js';
import { load, t, lang } from './i18n.js';
import { el, $ } from '/widget/dom.js';

const TABLES = ['contacts', 'faq', 'waits', 'deadlines', 'abandoned', 'ratings', 'corrections'];
const SECONDS = new Set(['p50_seconds', 'p90_seconds', 'p50_wait_before_abandoning_seconds', 'emergency_p50_seconds']);
const RATES = new Set(['self_service_rate', 'met_rate', 'abandon_rate']);
const TEXT = new Set(['day', 'channel', 'service', 'queue', 'hour', 'rule', 'from_queue', 'to_queue']);
// Colour-blind-safe palette (Okabe–Ito) so series stay apart without relying on one hue.
const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#F0E442'];
let index = null;
const charts = new Map();

const getJson = (path) => call('GET', path);

/** The console's language choice and i18n module, with only this page's bundle. */
async function loadTexts(next) {
  await load(next, ['insights-']);
  document.title = t('title');
}

const queueName = (id) => index?.queues.find((q) => q.id === id)?.[lang] || id;
/** A service's own name; one the texts do not know yet is named after its first queue, never shown as an id. */
const serviceName = (id) => {
  const key = `service_${id}`;
  if (t(key) !== key) return t(key);
  const q = index?.queues.find((x) => x.service === id) || index?.queues.find((x) => x.id === id);
  return q ? q[lang] || q.id : id;
};
/** Waits read in seconds under a minute (a 45 s wait is not "0 min"), in minutes with one decimal above. */
const duration = (s) => (s < 60 ? t('seconds', { n: num(s) }) : t('minutes', { n: num(s / 60, 1) }));
/** A server refusal as a sentence in the page's language: the code is translated, the English message never shown. */
const refusal = (e) => {
  const key = `err_${e.code}`;
  return t(key) === key ? t('err_other') : t(key, { field: e.field ? t(e.field) : '' });
};
const num = (v, digits = 0) => new Intl.NumberFormat(lang, { maximumFractionDigits: digits }).format(v);

/** A cell as a person reads it; the CSV keeps the raw values. */
function show(col, v) {
  if (v === null || v === undefined) return '–';
  if (v === 'all') return t('all');
  if (v === 'none') return t('none');
  if (col === 'channel') return t(`channel_${v}`);
  if (col === 'queue' || col === 'from_queue' || col === 'to_queue') return queueName(v);
  if (col === 'service') return serviceName(v);
  if (col === 'hour') return `${String(v).padStart(2, '0')}–${String((v + 1) % 24).padStart(2, '0')}`;
  if (SECONDS.has(col)) return duration(v);
  if (RATES.has(col)) return `${num(v * 100, 1)} %`;
  if (col === 'mean') return num(v, 2);
  return typeof v === 'number' ? num(v) : String(v);
}

function filters() {
  return { from: $('from').value, to: $('to').value, queue: $('queue').value };
}

function url(name, f, csv) {
  const q = new URLSearchParams({ from: f.from, to: f.to });
  if (f.queue) q.set('queue', f.queue);
  if (csv) q.set('format', 'csv');
  return `/api/insights/${name}?${q}`;
}

/** One insight's card, built as nodes: the names are fixed table ids, but no page builds HTML from strings. */
function card(name) {
  const node = (tag, attrs, ...children) => el(tag, { attrs }, ...children);
  return node('section', { class: 'insight', id: `insight-${name}`, 'aria-labelledby': `h-${name}` },
    node('h2', { id: `h-${name}` }),
    node('p', { class: 'definition' }),
    node('div', { class: 'chart' }, node('canvas', { id: `chart-${name}`, role: 'img' })),
    node('a', { class: 'csv', id: `csv-${name}`, download: '' }),
    node('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-labelledby': `cap-${name}` },
      node('table', { id: `table-${name}` }, node('caption', { id: `cap-${name}` }), node('thead'), node('tbody'))));
}

function renderTable(name, data) {
  const table = $(`table-${name}`);
  table.querySelector('caption').textContent = t('tableCaption', { table: t(`t_${name}`) });
  table.tHead.replaceChildren(el('tr', {}, ...data.columns.map((c) => el('th', { text: t(`col_${c}`), attrs: { scope: 'col' } }))));
  const body = data.rows.map((row) => {
    const cells = data.columns.map((c, i) => el(i === 0 ? 'th' : 'td',
      { cls: TEXT.has(c) ? null : 'num', text: show(c, row[c]), attrs: i === 0 ? { scope: 'row' } : null }));
    return el('tr', { cls: Object.values(row).includes('all') ? 'total' : null }, ...cells);
  });
  if (!body.length) {
    body.push(el('tr', {}, el('td', { text: t('empty'), attrs: { colspan: data.columns.length } })));
  }
  table.tBodies[0].replaceChildren(...body);
}

const sum = (rows, key, col) => {
  const m = new Map();
  for (const r of rows) m.set(key(r), (m.get(key(r)) || 0) + (r[col] || 0));
  return m;
};
const dataset = (label, data, i, extra = {}) => ({ label, data, backgroundColor: PALETTE[i % PALETTE.length],
  borderColor: PALETTE[i % PALETTE.length], ...extra });

/** Chart.js config per table, built from the very rows the table shows. */
function chartConfig(name, rows) {
  const detail = rows.filter((r) => !Object.values(r).includes('all'));
  const labelsOf = (col) => [...new Set(detail.map((r) => r[col]))];
  const counts = { beginAtZero: true, ticks: { precision: 0 } };
  const stacked = { x: { stacked: true }, y: { ...counts, stacked: true } };
  switch (name) {
    case 'contacts': {
      const days = labelsOf('day');
      const series = [...new Set(detail.map((r) => `${r.channel}|${r.service}`))];
      return { type: 'bar', labels: days, scales: stacked, datasets: series.map((s, i) => {
        const [channel, service] = s.split('|');
        return dataset(`${t(`channel_${channel}`)} · ${show('service', service)}`, days.map((d) => detail
          .filter((r) => r.day === d && r.channel === channel && r.service === service).reduce((a, r) => a + r.contacts, 0)), i);
      }) };
    }
    case 'faq':
      return { type: 'bar', labels: detail.map((r) => r.day), scales: stacked,
        datasets: ['helpful', 'handed_to_person', 'no_feedback'].map((c, i) => dataset(t(`col_${c}`), detail.map((r) => r[c]), i)) };
    case 'waits': {
      // Only hours that had waits: a 24-slot axis would be mostly empty at night.
      const hours = [...new Set(detail.map((r) => r.hour))].sort((a, b) => a - b);
      return { type: 'bar', labels: hours.map((h) => show('hour', h)), yTitle: t('minutesAxis'),
        datasets: labelsOf('queue').flatMap((q, i) => ['p50_seconds', 'p90_seconds'].map((c, j) => dataset(
          `${queueName(q)} ${t(`col_${c}`)}`, hours.map((h) => {
            const r = detail.find((x) => x.queue === q && x.hour === h);
            return r ? r[c] / 60 : null;
          }), 2 * i + j))) };
    }
    case 'deadlines':
      return { type: 'bar', labels: detail.map((r) => queueName(r.queue)), scales: stacked,
        datasets: ['met', 'at_risk', 'missed', 'pending', 'withdrawn', 'emergencies'].map((c, i) => dataset(t(`col_${c}`), detail.map((r) => r[c]), i)) };
    case 'abandoned': {
      const days = labelsOf('day');
      return { type: 'bar', labels: days, scales: { y: counts }, datasets: ['waited', 'abandoned'].map((c, i) => dataset(t(`col_${c}`),
        days.map((d) => sum(detail, (r) => r.day, c).get(d)), i)) };
    }
    case 'ratings': {
      const all = rows.find((r) => r.queue === 'all') || {};
      return { type: 'bar', labels: [1, 2, 3, 4, 5].map((s) => t(`col_score_${s}`)), scales: { y: counts },
        datasets: [dataset(t('col_ratings'), [1, 2, 3, 4, 5].map((s) => all[`score_${s}`] || 0), 0)] };
    }
    default: {
      const totals = rows.filter((r) => r.from_queue === 'all');
      return { type: 'bar', indexAxis: 'y', scales: { x: counts }, labels: totals.map((r) => show('rule', r.rule)),
        datasets: [dataset(t('col_transfers'), totals.map((r) => r.transfers), 1)] };
    }
  }
}

function renderChart(name, rows) {
  const c = chartConfig(name, rows);
  charts.get(name)?.destroy();
  const canvas = $(`chart-${name}`);
  canvas.setAttribute('aria-label', t('chartLabel', { table: t(`t_${name}`) }));
  canvas.textContent = t('chartLabel', { table: t(`t_${name}`) });
  const scales = c.scales || { y: { beginAtZero: true } };
  if (c.yTitle) scales.y = { ...scales.y, title: { display: true, text: c.yTitle } };
  charts.set(name, new window.Chart(canvas, {
    type: c.type,
    data: { labels: c.labels, datasets: c.datasets },
    options: { animation: false, responsive: true, maintainAspectRatio: false, indexAxis: c.indexAxis || 'x', scales,
      plugins: { legend: { position: 'bottom' } } },
  }));
}

async function refresh() {
  const f = filters();
  $('filter-error').textContent = '';
  if (!f.from || !f.to || f.from > f.to) {
    $('filter-error').textContent = t('rangeError');
    $('from').focus();
    return;
  }
  $('status').textContent = t('loading');
  try {
    const results = await Promise.all(TABLES.map((n) => getJson(url(n, f, false))));
    results.forEach((data, i) => {
      const name = TABLES[i];
      $(`h-${name}`).textContent = t(`t_${name}`);
      $(`insight-${name}`).querySelector('.definition').textContent = t(`d_${name}`, { hours: index.atRiskHours });
      const csv = $(`csv-${name}`);
      csv.href = url(name, f, true);
      csv.textContent = t('csv', { table: t(`t_${name}`) });
      renderTable(name, data);
      renderChart(name, data.rows);
    });
    $('zone-note').textContent = t('zoneNote', { zone: index.zone });
    $('status').textContent = t('loaded');
  } catch (e) {
    $('status').textContent = '';
    $('filter-error').textContent = refusal(e);
    if (e.field && $(e.field)) $(e.field).focus();
  }
}

function fillQueues() {
  const sel = $('queue');
  const chosen = sel.value;
  sel.replaceChildren(new Option(t('allQueues'), ''), ...index.queues.map((q) => new Option(q[lang] || q.id, q.id)));
  sel.value = chosen;
}

async function startDashboard(me) {
  setCsrf(me.csrfToken);
  $('login-view').hidden = true;
  if (!['administrator', 'manager'].includes(me.professional.role)) {
    $('no-access').hidden = false;
    return;
  }
  index = await getJson('/api/insights/');
  $('from').value = index.from;
  $('to').value = index.today;
  fillQueues();
  $('tables').replaceChildren(...TABLES.map(card));
  $('dashboard').hidden = false;
  await refresh();
}


$('lang').value = lang;
$('lang').addEventListener('change', async (e) => {
  await loadTexts(e.target.value);
  if (index) {
    fillQueues();
    await refresh();
  }
});
$('filters').addEventListener('submit', (e) => {
  e.preventDefault();
  refresh();
});
$('login-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  let signedIn;
  try {
    signedIn = await api.login($('username').value, $('password').value);
  } catch (err) {
    $('login-error').textContent = !err.code || err.code === 'unauthorized' ? t('loginFailed') : refusal(err);
    return;
  }
  // Someone who may not read insights goes to the page of their role (issue 14.9).
  if (!['administrator', 'manager'].includes(signedIn.professional.role) && signedIn.landing) location.assign(signedIn.landing);
  else await startDashboard(signedIn);
});

await loadTexts(lang);
let me = null;
try {
  me = await api.me();
} catch {
  $('login-view').hidden = false;
}
if (me) await startDashboard(me);
