// Custom Spectral function (plain ESM, no imports) so Spectral itself can load it too.

// First match wins. Each style lists the conventions a value of that shape is compatible with:
// "active" fits camel, snake and kebab alike; one all-caps word fits UPPER_CASE and also
// PascalCase, whose enums keep acronyms upper-case ([None, DES, AES128], [NotSet, BACS]).
const STYLES = [
  { label: 'lowercase', shape: /^[a-z][a-z0-9]*$/, fits: ['camel', 'snake', 'kebab'] },
  { label: 'snake_case', shape: /^[a-z][a-z0-9]*(_[a-z0-9]+)+$/, fits: ['snake'] },
  { label: 'kebab-case', shape: /^[a-z][a-z0-9]*(-[a-z0-9]+)+$/, fits: ['kebab'] },
  { label: 'camelCase', shape: /^[a-z][a-zA-Z0-9]*$/, fits: ['camel'] },
  { label: 'UPPER_CASE', shape: /^[A-Z][A-Z0-9]*$/, fits: ['upper', 'pascal'] },
  { label: 'UPPER_CASE', shape: /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/, fits: ['upper'] },
  { label: 'PascalCase', shape: /^[A-Z][a-zA-Z0-9]*$/, fits: ['pascal'] },
];

/**
 * The string values of one enum share one casing convention. Values that are not identifiers
 * (labels with spaces, media types, "en-US", "1d") are left out, and so are enums that list
 * one word in several casings (asc, ASC): that is deliberate case-insensitivity, not a slip.
 * Input: an enum array (given $..enum). One finding per enum.
 */
export default function namingEnumCasing(input) {
  if (!Array.isArray(input)) return [];
  const strings = input.filter((value) => typeof value === 'string');
  const lowered = new Set(strings.map((value) => value.toLowerCase()));
  if (lowered.size < strings.length) return [];
  const classified = strings
    .map((value) => ({ value, style: STYLES.find((style) => style.shape.test(value)) }))
    .filter((entry) => entry.style !== undefined);
  if (classified.length < 2) return [];
  const common = classified.reduce(
    (shared, { style }) => shared.filter((convention) => style.fits.includes(convention)),
    ['camel', 'snake', 'kebab', 'upper', 'pascal'],
  );
  if (common.length > 0) return [];
  const examples = new Map();
  for (const { value, style } of classified) if (!examples.has(style.label)) examples.set(style.label, value);
  const list = [...examples].map(([label, value]) => `"${value}" (${label})`).join(', ');
  return [{ message: `Enum values mix casing styles: ${list}; use one style for all values.` }];
}

// Its findings depend on its input alone, so apigov need not run it again on a repeat of a
// shared schema (src/lint/engine/path-independence.ts). Spectral ignores the mark.
namingEnumCasing[Symbol.for('apigov.readsOnlyInput')] = true;
