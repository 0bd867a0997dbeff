// Custom Spectral function (plain ESM, no imports) so Spectral itself can load it too.
const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;

// Segments whose spelling another standard fixes, so the API author cannot choose it:
// RFC 8615 /.well-known, OData and FHIR system resources and operations ($metadata, $batch,
// $validate-code), "_"-prefixed system resources (FHIR _history, Elasticsearch _search) and
// dotted version numbers (/v1.2, /2.0).
const EXEMPT = /^(\.well-known|[$_][a-z][a-z0-9]*(-[a-z0-9]+)*|v?\d+(\.\d+)+)$/;

// SCIM (RFC 7644) fixes its endpoint names, e.g. /scim/v2/ResourceTypes.
const SCIM = /^(Users|Groups|Me|ServiceProviderConfigs?|ResourceTypes|Schemas|Bulk|\.search)$/;

/**
 * Static path segments are kebab-case. Template expressions ({petId}) are the parameter
 * rule's business, a trailing ".ext" is the file-extension rule's, and a ":verb" suffix is a
 * Google-style custom method name, not a resource name; none of them is judged here.
 * Input: a path key (given $.paths.*~). One finding per path, naming every bad segment.
 */
export default function namingPathKebabCase(input) {
  if (typeof input !== 'string') return [];
  // A "#..." or "?..." tail is a converter's trick to keep path keys unique (AWS specs); it is
  // never sent as part of the path.
  const segments = input.replace(/[#?].*$/, '').split('/');
  const scim = segments.some((segment) => segment.toLowerCase() === 'scim');
  const bad = segments
    .filter((segment) => segment !== '' && !EXEMPT.test(segment) && !(scim && SCIM.test(segment)))
    .filter((segment) => {
      const text = segment
        .replace(/\{[^}]*\}/g, 'p')
        .replace(/:[^/]*$/, '')
        .replace(/\.([A-Za-z0-9]{1,6}|p)$/, '');
      return text !== '' && !KEBAB.test(text);
    });
  if (bad.length === 0) return [];
  const list = bad.map((segment) => `"${segment}"`).join(', ');
  return [{ message: `Path ${input}: segment${bad.length > 1 ? 's' : ''} ${list} should be kebab-case (lowercase letters, digits, hyphens).` }];
}
