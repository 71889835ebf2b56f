// REST calls; every state-changing request carries the session's CSRF token.
let csrf = null;
let unavailable = () => {};

export function setCsrf(token) { csrf = token; }

/** Called whenever the service answers 503 `unavailable` (its database is away): the outage banner. */
export function onUnavailable(fn) { unavailable = fn; }

/**
 * The one way the console, workbench and insights pages talk to the service. A refusal throws an Error carrying
 * the server's code, field(s), status and whole body; an ArrayBuffer body (a rule-set zip) is sent as it is.
 */
export async function call(method, path, body, raw) {
  const headers = { 'Content-Type': raw ? 'application/zip' : 'application/json' };
  if (csrf && method !== 'GET') headers['X-CSRF-Token'] = csrf;
  const res = await fetch(path, { method, headers, credentials: 'same-origin',
    body: raw ?? (body === undefined ? undefined : JSON.stringify(body)) });
  const text = await res.text();
  let json;
  try { json = text ? JSON.parse(text) : null; } catch { json = null; }
  if (res.status === 503 && json?.error?.code === 'unavailable') unavailable();
  if (!res.ok) {
    const e = json?.error;
    throw Object.assign(new Error(e?.message || e?.code || res.statusText), { status: res.status, code: e?.code, field: e?.field, fields: e?.fields, body: json });
  }
  return json;
}

export const api = {
  me: () => call('GET', '/api/auth/me'),
  login: (username, password) => call('POST', '/api/auth/login', { username, password }),
  logout: () => call('POST', '/api/auth/logout', {}),
  audit: (kind, id) => call('GET', `/api/audit/${kind}/${encodeURIComponent(id)}`),
  consoleContent: (lang) => call('GET', `/api/console/content?lang=${encodeURIComponent(lang)}`),
  // Appointments (docs/appointments.md)
  slots: (queue, from, to) => call('GET', `/api/availability/slots?queue=${encodeURIComponent(queue)}&from=${from}&to=${to}`),
  addSlot: (body) => call('POST', '/api/availability/slots', body),
  cancelSlot: (id) => call('DELETE', `/api/availability/slots/${encodeURIComponent(id)}`),
  patterns: () => call('GET', '/api/availability/patterns'),
  addPattern: (body) => call('POST', '/api/availability/patterns', body),
  endPattern: (id) => call('DELETE', `/api/availability/patterns/${encodeURIComponent(id)}`),
  day: (date) => call('GET', `/api/appointments/day?date=${encodeURIComponent(date)}`),
  // FAQ picks (docs/workbench.md, "FAQ proposals")
  faqEntries: (lang) => call('GET', `/api/faq-picks/entries?lang=${encodeURIComponent(lang)}`),
  faqPick: (conversationId, faqId) => call('POST', `/api/faq-picks/conversations/${encodeURIComponent(conversationId)}`, { faqId }),
  phoneDone: (bookingCode) => call('POST', '/api/appointments/phone-calls', { bookingCode }),
};
