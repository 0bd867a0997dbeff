// Custom Spectral function (plain ESM) that Spectral itself can load too.
import { CASING_LABELS as LABELS, casingPattern } from './lib/casing-styles.js';
// Headers have their own rule (apigov-header-casing); a Swagger 2.0 body parameter's name
// never goes on the wire, so its spelling does not matter.
const CHECKED = new Set(['query', 'path', 'cookie', 'formData']);

/**
 * Query, path, cookie and form parameter names follow `options.casing` (default camel).
 * Names starting with "$" or "@" are fixed by a protocol (OData $filter, $top) and skipped.
 * Structured names (filter[createdAt], page.size, ids[], Django's created_at__gte) are judged
 * word by word, since brackets, dots and "__" are deepObject/JSON:API/filter syntax rather
 * than a casing choice; one leading "_" (_fields) is a reserved-name marker and ignored.
 * Input: a parameter object.
 */
export default function namingParameterCasing(input, options, context) {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return [];
  const { name } = input;
  if (typeof name !== 'string' || !CHECKED.has(input.in) || /^[$@]/.test(name)) return [];
  const casing = options && typeof options === 'object' && options.casing ? options.casing : 'camel';
  const pattern = casingPattern(casing);
  if (!pattern) return [{ message: `unknown casing "${casing}" (use camel, pascal, snake or kebab)` }];
  const words = name.replace(/^_/, '').split(/[.[\]]+|__/).filter((word) => word !== '');
  if (words.length > 0 && words.every((word) => pattern.test(word))) return [];
  const base = Array.isArray(context?.path) ? context.path : [];
  return [{ message: `Parameter "${name}" (in ${input.in}) is not ${LABELS[casing]}.`, path: [...base, 'name'] }];
}
