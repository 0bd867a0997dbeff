// Custom Spectral function (plain ESM, no imports) so Spectral itself can load it too.

// Nouns with no plural, or that are already plural without a final "s".
const UNCOUNTABLE = new Set(('data metadata media information info equipment software hardware firmware '
  + 'middleware feedback news series species sheep fish deer staff personnel inventory stock mail music '
  + 'content evidence advice knowledge traffic weather analytics billing pricing shipping tracking '
  + 'routing logging monitoring messaging networking hosting accounting licensing storage history '
  + 'search auth oauth oauth2 api rest admin public private internal external '
  + 'new latest top all current me self '
  + 'people children men women mice geese feet teeth criteria phenomena indices matrices vertices '
  + 'alumni fungi bacteria').split(' '));

// Singular nouns that end in "s" like a plural does.
const SINGULAR_S = new Set(('status campus bus bonus census virus focus radius corpus consensus syllabus '
  + 'nexus stimulus genus prospectus thesaurus octopus cactus fungus chorus circus abacus surplus plus '
  + 'minus apparatus caucus hiatus lotus alias canvas atlas bias gas chaos ethos kudos cosmos ios macos '
  + 'lens tennis iris chassis trellis').split(' '));

const IRREGULAR = { person: 'people', child: 'children', man: 'men', woman: 'women', mouse: 'mice', criterion: 'criteria' };

function isPlural(word) {
  if (UNCOUNTABLE.has(word) || word.endsWith('ware')) return true;
  if (SINGULAR_S.has(word) || !word.endsWith('s')) return false;
  // address, class, analysis, axis: singular although they end in "s".
  return !/(ss|sis|xis)$/.test(word);
}

// Keeps the word's own capitalisation: CisLineType -> CisLineTypes.
function pluralOf(word) {
  const lower = word.toLowerCase();
  if (IRREGULAR[lower]) return word[0] + IRREGULAR[lower].slice(1);
  if (/[^aeiou]y$/.test(lower)) return `${word.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/.test(lower)) return `${word}es`;
  return `${word}s`;
}

const isTemplate = (segment) => /^\{[^}]+\}$/.test(segment);

/**
 * A static segment directly followed by a template segment ({id}) names a collection whose
 * members the template picks, so it should be plural (/users/{userId}, not /user/{userId}).
 * Heuristic, so it skips versions, "by-..." lookups, abbreviations and known uncountables.
 * Input: a path key (given $.paths.*~). One finding per path.
 */
export default function namingPathPluralCollections(input) {
  if (typeof input !== 'string') return [];
  // A "#..." or "?..." tail only keeps converted path keys unique; it is not part of the path.
  const segments = input.replace(/[#?].*$/, '').split('/');
  const hits = [];
  for (let i = 0; i < segments.length - 1; i += 1) {
    const segment = segments[i];
    if (!isTemplate(segments[i + 1]) || !/^[A-Za-z][A-Za-z0-9_-]*$/.test(segment)) continue;
    const words = segment.split(/[-_]|(?<=[a-z0-9])(?=[A-Z])/);
    // Versions (/v1/{x}) and lookups (/by-email/{email}, GamesByDate/{date}, per-page/{n}).
    if (/^v\d/.test(segment) || words.some((w) => /^(by|per|for|from|to|since|until)$/i.test(w))) continue;
    const last = words[words.length - 1];
    const word = last.toLowerCase();
    if (word.length < 3 || /\d/.test(word) || isPlural(word)) continue;
    hits.push(`"${segment}" (e.g. "${segment.slice(0, segment.length - last.length)}${pluralOf(last)}")`);
  }
  if (hits.length === 0) return [];
  return [{ message: `Path ${input}: a segment followed by an identifier names a collection and should be plural: ${hits.join(', ')}.` }];
}
