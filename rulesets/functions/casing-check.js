// Custom Spectral function (plain ESM) that Spectral itself can load too.
import { CASING_LABELS as LABELS, casingPattern } from './lib/casing-styles.js';
/**
 * Checks that a string (or, with `keys: true`, every key of an object) follows one casing
 * style. Options: `casing` (camel | pascal | snake | kebab | header, default camel), `keys`,
 * `name` (what the value is, e.g. "operationId", to start the message with).
 */
export default function casingCheck(input, options, context) {
  const opts = options && typeof options === 'object' ? options : {};
  const casing = opts.casing ?? 'camel';
  const pattern = casingPattern(casing);
  if (!pattern) return [{ message: `unknown casing "${casing}" (use camel, pascal, snake, kebab or header)` }];
  const describe = (value) => `${opts.name ? `${opts.name} ` : ''}"${value}" is not ${LABELS[casing]}.`;
  if (opts.keys) {
    if (input === null || typeof input !== 'object' || Array.isArray(input)) return [];
    const base = Array.isArray(context?.path) ? context.path : [];
    return Object.keys(input)
      .filter((key) => !pattern.test(key))
      .map((key) => ({ message: describe(key), path: [...base, key] }));
  }
  if (typeof input !== 'string' || pattern.test(input)) return [];
  return [{ message: describe(input) }];
}
