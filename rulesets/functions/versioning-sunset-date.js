// Custom Spectral function (plain ESM, no imports) so Spectral itself can load it too.

// ISO 8601 calendar date, optionally with an RFC 3339 time and offset.
const ISO = /^(\d{4})-(\d\d)-(\d\d)(?:[Tt](\d\d):(\d\d)(?::(\d\d)(?:\.\d+)?)?(?:[Zz]|[+-]\d\d:?\d\d)?)?$/;

function isIsoDate(value) {
  const m = ISO.exec(value);
  if (!m) return false;
  const [year, month, day, hour = 0, minute = 0, second = 0] = m.slice(1).map((n) => Number(n ?? 0));
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth && hour < 24 && minute < 60 && second < 61;
}

/** x-sunset is an ISO 8601 date (YYYY-MM-DD) or date-time, so tools can compare it with today. */
export default function versioningSunsetDate(input) {
  if (typeof input === 'string' && isIsoDate(input.trim())) return [];
  const shown = (typeof input === 'string' ? `"${input}"` : JSON.stringify(input) ?? String(input)).slice(0, 60);
  return [{ message: `x-sunset ${shown} is not an ISO 8601 date: use YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ` }];
}

// Its findings depend on its input alone, so apigov need not run it again on a repeat of a
// shared schema (src/lint/engine/path-independence.ts). Spectral ignores the mark.
versioningSunsetDate[Symbol.for('apigov.readsOnlyInput')] = true;
