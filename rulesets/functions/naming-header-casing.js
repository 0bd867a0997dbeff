// Custom Spectral function (plain ESM, no imports) so Spectral itself can load it too.

// Every hyphen-separated word starts upper-case. The rest of a word may be upper-case too:
// the IANA field-name registry itself spells ETag, WWW-Authenticate, Content-MD5, DNT, and
// X-API-Key / X-RateLimit-Limit are as readable as X-Api-Key / X-Ratelimit-Limit.
const HEADER = /^[A-Z0-9][a-zA-Z0-9]*(-[A-Z0-9][a-zA-Z0-9]*)*$/;

// Words the registry spells upper-case, so the suggestion does not say "Content-Md5".
const REGISTRY_WORDS = new Map([['md5', 'MD5'], ['www', 'WWW'], ['etag', 'ETag'], ['dnt', 'DNT'], ['te', 'TE']]);

const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);

function finding(name, path) {
  if (HEADER.test(name)) return [];
  const suggestion = name
    .split(/[-_\s]+/)
    .filter((word) => word !== '')
    .map((word) => REGISTRY_WORDS.get(word.toLowerCase()) ?? word[0].toUpperCase() + word.slice(1))
    .join('-');
  const hint = suggestion && HEADER.test(suggestion) ? ` (write "${suggestion}")` : '';
  return [{ message: `Header "${name}" is not Hyphenated-Pascal-Case${hint}.`, path }];
}

/**
 * Header names are Hyphenated-Pascal-Case. Input is either a parameter object (only
 * `in: header` ones are judged) or a response's `headers` map, whose keys are the names.
 */
export default function namingHeaderCasing(input, options, context) {
  if (!isObject(input)) return [];
  const base = Array.isArray(context?.path) ? context.path : [];
  if (typeof input.in === 'string') {
    return input.in === 'header' && typeof input.name === 'string' ? finding(input.name, [...base, 'name']) : [];
  }
  return Object.keys(input).flatMap((name) => finding(name, [...base, name]));
}
