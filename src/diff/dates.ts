// Sunset dates: x-sunset values and the Sunset header, as days (YYYY-MM-DD).

const ISO_DAY = /^(\d{4}-\d{2}-\d{2})(?:[Tt ][\d:.]+(?:[Zz]|[+-]\d{2}:?\d{2})?)?$/;
// The Sunset header's own form (RFC 8594 uses an HTTP-date): `Sat, 31 Dec 2026 23:59:59 GMT`.
const HTTP_DATE = /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/;

/** The day (`YYYY-MM-DD`) an `x-sunset` value names, or undefined when it is not a date. */
export function sunsetDay(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const iso = ISO_DAY.exec(value.trim());
  const parsed = iso ? new Date(`${iso[1]}T00:00:00Z`) : HTTP_DATE.test(value.trim()) ? new Date(value) : undefined;
  if (!parsed || Number.isNaN(parsed.getTime())) return undefined;
  const day = parsed.toISOString().slice(0, 10);
  // Date() rolls 2026-02-31 over to March: such a value is not a date.
  return iso && day !== iso[1] ? undefined : day;
}

/** `today` plus some days, as `YYYY-MM-DD`. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
