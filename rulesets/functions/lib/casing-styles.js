// Shared by the casing functions. Spectral bundles a function's relative imports with rollup,
// and apigov imports them natively, so one table serves both.
export const CASING_PATTERNS = {
  camel: /^[a-z][a-zA-Z0-9]*$/,
  pascal: /^[A-Z][a-zA-Z0-9]*$/,
  snake: /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/,
  kebab: /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/,
  // HTTP field names: every hyphen-separated word starts upper-case; the rest of a word may be
  // upper-case too, because the IANA registry itself spells ETag, WWW-Authenticate, Content-MD5.
  header: /^[A-Z0-9][a-zA-Z0-9]*(-[A-Z0-9][a-zA-Z0-9]*)*$/,
};

export const CASING_LABELS = {
  camel: 'camelCase',
  pascal: 'PascalCase',
  snake: 'snake_case',
  kebab: 'kebab-case',
  header: 'Hyphenated-Pascal-Case',
};

/** The pattern of a casing style, or undefined for a name that is not one (never a prototype key). */
export const casingPattern = (casing) => (Object.prototype.hasOwnProperty.call(CASING_PATTERNS, casing) ? CASING_PATTERNS[casing] : undefined);
