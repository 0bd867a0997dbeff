// Custom Spectral function (plain ESM, no imports) so Spectral itself can load it too.

// Only verbs that restate an HTTP method (read, create, change, delete). Domain actions such
// as /orders/{id}/cancel or /search are accepted controller resources in most API guidelines,
// and words that double as nouns in paths (post, patch, set, update, new) would be noise.
const VERBS = new Set([
  'get', 'fetch', 'retrieve', 'read', 'list', 'find', 'lookup',
  'create', 'add', 'insert', 'put', 'save', 'upsert',
  'update', 'modify', 'edit',
  'delete', 'remove', 'destroy', 'del',
]);

// Noun phrases that happen to start with one of the verbs above.
const NOUNS = /^(add-?ons?|read-?receipts?|read-?only|read-?me|lookups?-[a-z]|list-?(items?|members?|entries|entry)$)/i;

function firstWord(segment) {
  return segment.split(/[-_.\s]|(?<=[a-z0-9])(?=[A-Z])/)[0].toLowerCase();
}

/**
 * Path segments do not start with a CRUD verb (getUsers, /users/create, delete-user).
 * Template expressions and a ":verb" custom-method suffix (Google AIP-136) are skipped.
 * Input: a path key (given $.paths.*~). One finding per path.
 */
export default function namingPathNoVerbs(input) {
  if (typeof input !== 'string') return [];
  const hits = [];
  for (const raw of input.split('/')) {
    const segment = raw.replace(/:[^/]*$/, '').replace(/\{[^}]*\}/g, '');
    if (segment === '' || NOUNS.test(segment)) continue;
    const word = firstWord(segment);
    if (VERBS.has(word)) hits.push(`"${raw}" (${word})`);
  }
  if (hits.length === 0) return [];
  return [{ message: `Path ${input} names an action with a verb: ${hits.join(', ')}; let the HTTP method say what happens to the resource.` }];
}
