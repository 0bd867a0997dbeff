// Custom Spectral function (plain ESM, no imports) so Spectral itself can load it too.

// Only verbs that restate an HTTP method (retrieval, creation, change, deletion). Domain actions such
// as /orders/{id}/cancel or /search are accepted controller resources in most API guidelines,
// and words that double as nouns in paths (post, patch, set, new) would be noise.
const VERBS = new Set([
  'get', 'fetch', 'retrieve', 'list', 'find',
  'create', 'add', 'insert', 'put', 'save', 'upsert',
  'update', 'modify', 'edit',
  'delete', 'remove', 'destroy', 'del',
]);

// Noun phrases that happen to start with one of the verbs above. ("read" and "lookup" are
// left out of the list: /messages/{id}/read marks a message read, /lookup is a service name.)
const NOUNS = /^(add-?ons?|list-?(items?|members?|entries|entry)$)/i;

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
  // A "#..." or "?..." tail only keeps converted path keys unique; it is not part of the path.
  const segments = input.replace(/[#?].*$/, '').split('/');
  segments.forEach((raw, i) => {
    const segment = raw.replace(/:[^/]*$/, '').replace(/\{[^}]*\}/g, '');
    if (segment === '' || NOUNS.test(segment)) return;
    const word = firstWord(segment);
    // A bare word followed by an id is a (singular) collection name, as in /list/{listId}.
    if (word === segment.toLowerCase() && /^\{[^}]+\}$/.test(segments[i + 1] ?? '')) return;
    if (VERBS.has(word)) hits.push(`"${raw}" (${word})`);
  });
  if (hits.length === 0) return [];
  return [{ message: `Path ${input} names an action with a verb: ${hits.join(', ')}; let the HTTP method say what happens to the resource.` }];
}
