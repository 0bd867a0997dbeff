// Custom Spectral function (plain ESM, no imports) so Spectral itself can load it too.
const PATTERNS = {
  camel: /^[a-z][a-zA-Z0-9]*$/,
  pascal: /^[A-Z][a-zA-Z0-9]*$/,
  snake: /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/,
  kebab: /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/,
  // HTTP field names: every hyphen-separated word starts upper-case; the rest of a word may be
  // upper-case too, because the IANA registry itself spells ETag, WWW-Authenticate, Content-MD5.
  header: /^[A-Z0-9][a-zA-Z0-9]*(-[A-Z0-9][a-zA-Z0-9]*)*$/,
};

const LABELS = {
  camel: 'camelCase',
  pascal: 'PascalCase',
  snake: 'snake_case',
  kebab: 'kebab-case',
  header: 'Hyphenated-Pascal-Case',
};

/**
 * Checks that a string (or, with `keys: true`, every key of an object) follows one casing
 * style. Options: `casing` (camel | pascal | snake | kebab | header, default camel), `keys`,
 * `name` (what the value is, e.g. "operationId", to start the message with).
 */
export default function casingCheck(input, options, context) {
  const opts = options && typeof options === 'object' ? options : {};
  const casing = opts.casing ?? 'camel';
  const pattern = Object.prototype.hasOwnProperty.call(PATTERNS, casing) ? PATTERNS[casing] : undefined;
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
