// Custom Spectral function (plain ESM, no imports) so Spectral itself can load it too.
const PATTERNS = {
  camel: /^[a-z][a-zA-Z0-9]*$/,
  pascal: /^[A-Z][a-zA-Z0-9]*$/,
  snake: /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/,
  kebab: /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/,
};

const LABELS = { camel: 'camelCase', pascal: 'PascalCase', snake: 'snake_case', kebab: 'kebab-case' };

/**
 * Checks that a string (or, with `keys: true`, every key of an object) follows one casing
 * style. Options: `casing` (camel | pascal | snake | kebab, default camel), `keys`.
 */
export default function casingCheck(input, options = {}, context) {
  const casing = options.casing ?? 'camel';
  const pattern = PATTERNS[casing];
  if (!pattern) return [{ message: `unknown casing "${casing}"` }];
  if (options.keys) {
    if (input === null || typeof input !== 'object') return [];
    return Object.keys(input)
      .filter((key) => !pattern.test(key))
      .map((key) => ({ message: `"${key}" is not ${LABELS[casing]}`, path: [...context.path, key] }));
  }
  if (typeof input !== 'string' || pattern.test(input)) return [];
  return [{ message: `"${input}" is not ${LABELS[casing]}` }];
}
