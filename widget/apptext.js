// Shared by the appointment view, the booking page and the forms: dates, slots and server field errors as text.
import { t, lang } from './i18n.js';

/** {field: message} from a 400 invalid_fields answer (first message per field). */
export function fieldErrors(json) {
  const out = {};
  for (const f of (json.error && json.error.fields) || []) if (!(f.field in out)) out[f.field] = f.message;
  return out;
}

export function dateTime(iso) {
  try {
    return new Intl.DateTimeFormat(lang(), { weekday: 'short', day: 'numeric', month: 'numeric', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
  } catch (e) {
    return iso;
  }
}

function clock(iso) {
  try {
    return new Intl.DateTimeFormat(lang(), { hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
  } catch (e) {
    return iso;
  }
}

/** "ti 24.11. klo 12.00–12.20 · Puhelu · Hanna Virtanen, sairaanhoitaja" */
export function slotLabel(s) {
  const who = s.professional ? [s.professional.name, s.professional.title].filter(Boolean).join(', ') : '';
  return [`${dateTime(s.start)}–${clock(s.end)}`, t(`appt.types.${s.type}`), who].filter(Boolean).join(' · ');
}
