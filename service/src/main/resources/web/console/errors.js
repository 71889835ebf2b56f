// Server refusals in the console's language: WebSocket error frames and REST error bodies carry a code
// (web/ErrorCode, ErrorCodesTest holds these texts to it) and, for fields, a field name and a code; their English message is for logs.
import { t, has } from './i18n.js';

/** The sentence for an error code, with its values ({by} of already_claimed); unknown codes get a generic one. */
export function codeText(code, params = {}) {
  const key = `err_${code}`;
  return has(key) ? t(key, params) : t('err_other');
}

/** A field's label; an unknown field keeps its name rather than showing nothing. */
export function fieldName(field) {
  const key = `field_${field}`;
  return has(key) ? t(key) : field;
}

/** A REST refusal: every field's problem for invalid_fields, else the code's sentence. */
export function refusalText(err) {
  if (err.fields && err.fields.length) {
    return err.fields.map((f) => t('fieldProblem', { field: fieldName(f.field), problem: has(`fieldCode_${f.code}`) ? t(`fieldCode_${f.code}`) : t('fieldCode_invalid') })).join(' ');
  }
  return codeText(err.code, { field: err.field ? fieldName(err.field) : '' });
}
