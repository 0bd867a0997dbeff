// Custom Spectral function (plain ESM, no imports) so Spectral itself can load it too.
const obj = (value) => (value !== null && typeof value === 'object' ? value : {});
const filled = (value) => value !== undefined && value !== null && String(value).trim() !== '';

/**
 * A deprecated operation or parameter says when it goes away: `x-sunset`, or, for an
 * operation, a `Sunset` response header (RFC 8594) that tells clients at run time.
 */
export default function versioningDeprecatedSunset(input, options, context) {
  const target = obj(input);
  if (target.deprecated !== true || filled(target['x-sunset'])) return [];
  const isParameter = typeof target.in === 'string';
  if (!isParameter) {
    const declaresSunset = Object.values(obj(target.responses)).some((response) =>
      Object.keys(obj(obj(response).headers)).some((name) => name.toLowerCase() === 'sunset'));
    if (declaresSunset) return [];
  }
  const message = isParameter
    ? `deprecated parameter "${target.name}" has no x-sunset date`
    : 'deprecated operation has no sunset date: add x-sunset or declare a Sunset response header';
  return [{ message, path: [...context.path, 'deprecated'] }];
}
