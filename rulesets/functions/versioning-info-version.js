// Custom Spectral function (plain ESM, no imports) so Spectral itself can load it too.

// Semantic Versioning 2.0.0: MAJOR.MINOR.PATCH, numeric parts without leading zeros,
// optional -pre.release and +build metadata.
const NUM = '(?:0|[1-9][0-9]*)';
const IDENT = '(?:0|[1-9][0-9]*|[0-9]*[A-Za-z-][0-9A-Za-z-]*)';
const SEMVER = new RegExp(
  `^${NUM}\\.${NUM}\\.${NUM}(?:-${IDENT}(?:\\.${IDENT})*)?(?:\\+[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?$`,
);
// Date versions (Azure 2023-01-01, Stripe 2024-06-20, 2023-01-01-preview) are a deliberate,
// ordered scheme, not a sloppy semver; they are accepted unless `dates: false`.
const DATE = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?:[-.][0-9A-Za-z.-]+)?$/;

// Suggests the nearest semantic version: v2 -> 2.0.0, 1.1 -> 1.1.0, v1beta1 -> 1.0.0-beta1.
function suggestion(version) {
  const m = /^[vV]?(\d+)(?:\.(\d+))?(?:\.(\d+))?[-_ ]?([A-Za-z][0-9A-Za-z]*)?$/.exec(version);
  if (!m) return 'e.g. 1.4.0';
  const release = [m[1], m[2] ?? 0, m[3] ?? 0].map(Number).join('.');
  return `use ${release}${m[4] ? `-${m[4]}` : ''}`;
}

/**
 * Checks info.version. Options: `dates` (default true) also accepts YYYY-MM-DD date versions.
 */
export default function versioningInfoVersion(input, options) {
  const dates = (options && options.dates) !== false;
  // YAML turns an unquoted `version: 1.0` into the number 1: worth saying so explicitly.
  if (typeof input === 'number') return [{ message: `info.version is the number ${input}, not a string; quote it and use MAJOR.MINOR.PATCH, e.g. "1.0.0"` }];
  if (typeof input !== 'string') return [];
  const version = input.trim();
  if (SEMVER.test(version)) return [];
  if (dates && DATE.test(version)) return [];
  const accepted = dates ? 'MAJOR.MINOR.PATCH (or a YYYY-MM-DD date)' : 'MAJOR.MINOR.PATCH';
  return [{ message: `info.version "${input}" is not a semantic version ${accepted}; ${suggestion(version)}` }];
}
