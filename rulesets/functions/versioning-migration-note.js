// Custom Spectral function (plain ESM, no imports) so Spectral itself can load it too.
const obj = (value) => (value !== null && typeof value === 'object' ? value : {});

// Words that point somewhere else: "use /v2/orders instead", "replaced by", "migrate to",
// "superseded by", "in favor of", "see". A description that only says "Deprecated." fails.
const POINTER = /\b(?:use|instead|replac\w*|migrat\w*|supersed\w*|in favou?r of|successor|see)\b/i;

/**
 * A deprecated operation or parameter tells clients what to use instead: `x-replaced-by`
 * (an operationId, path or parameter name), or a description (or summary) naming it.
 */
export default function versioningMigrationNote(input, options, context) {
  const target = obj(input);
  if (target.deprecated !== true) return [];
  const replacedBy = target['x-replaced-by'];
  if (typeof replacedBy === 'string' && replacedBy.trim() !== '') return [];
  const text = [target.description, target.summary].filter((t) => typeof t === 'string').join(' ');
  if (POINTER.test(text)) return [];
  const what = typeof target.in === 'string' ? `deprecated parameter "${target.name}"` : 'deprecated operation';
  return [{ message: `${what} does not say what to use instead: add x-replaced-by or name the replacement in the description`, path: [...context.path, 'deprecated'] }];
}
