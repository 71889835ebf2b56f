// Shared by the availability and day views: dates in the county's local form and error texts from the API.
import { lang } from './i18n.js';
import { refusalText } from './errors.js';


/** yyyy-mm-dd of today plus n days in the browser's zone (the console runs in the county). */
export function isoDay(n = 0) {
  const d = new Date();
  d.setDate(d.getDate() + n);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The wall-clock part of an API time (given with the county's offset), whatever zone the browser is in. */
export function when(iso, withDay = true) {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(iso || '');
  if (!m) return iso || '';
  const opts = withDay ? { weekday: 'short', day: 'numeric', month: 'numeric', hour: '2-digit', minute: '2-digit' } : { hour: '2-digit', minute: '2-digit' };
  return new Intl.DateTimeFormat(lang, { ...opts, timeZone: 'UTC' }).format(new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5])));
}

/** The API's refusal in the console's language (its code, or every field's code for invalid_fields). */
export function problem(err) {
  return refusalText(err);
}

export function cell(row, text) {
  row.insertCell().textContent = text ?? '';
}
