// Shared by the appointment view, the booking page and the forms: dates, slots and server field errors as text.
import { t, lang } from './i18n.js';

/** {field: message} from a form's 400 invalid_fields answer: a form's messages are the form definition's own texts. */
export function fieldErrors(json) {
  const out = {};
  for (const f of (json.error && json.error.fields) || []) if (!(f.field in out)) out[f.field] = f.message;
  return out;
}

/**
 * {field: text} from an appointment API's invalid_fields answer, translated from each field's code: that API's
 * messages are English for programs (issue 14.7), so they never reach the resident's screen.
 */
export function codedFieldErrors(json) {
  const out = {};
  for (const f of (json.error && json.error.fields) || []) {
    if (f.field in out) continue;
    const key = `fieldError.${f.code}`;
    out[f.field] = t(key) === key ? t('fieldError.invalid') : t(key);
  }
  return out;
}

/**
 * The API gives times with the county's offset (2026-11-24T09:00+02:00); the wall-clock part is shown as it is, so a
 * resident abroad or a browser set to UTC still sees the appointment's local time.
 */
function wall(iso, opts) {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(iso || '');
  if (!m) return iso || '';
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]));
  return new Intl.DateTimeFormat(lang(), { ...opts, timeZone: 'UTC' }).format(d);
}

export function dateTime(iso) {
  return wall(iso, { weekday: 'short', day: 'numeric', month: 'numeric', hour: '2-digit', minute: '2-digit' });
}

function clock(iso) {
  return wall(iso, { hour: '2-digit', minute: '2-digit' });
}

/** "ti 24.11. klo 12.00–12.20 · Puhelu · Hanna Virtanen, sairaanhoitaja" */
export function slotLabel(s) {
  const who = s.professional ? [s.professional.name, s.professional.title].filter(Boolean).join(', ') : '';
  return [`${dateTime(s.start)}–${clock(s.end)}`, t(`appt.types.${s.type}`), who].filter(Boolean).join(' · ');
}
