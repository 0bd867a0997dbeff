// Custom Spectral function (plain ESM, no imports) so Spectral itself can load it too.
// Wrapper properties that hold the page of a list response ({ "items": [...], "next": ... }).
const WRAPPERS = new Set(['items', 'data', 'results', 'content', 'records', 'entries', 'values', 'list', 'elements', 'rows', 'hits', 'edges', 'nodes', 'resources', 'value']);
const PAGING = new Set(['limit', 'size', 'perpage', 'top', 'skip', 'take', 'offset', 'cursor', 'after', 'before', 'marker', 'start', 'startindex', 'from', 'first', 'last', 'count', 'rows', 'pg', 'rpp', 'startingafter', 'endingbefore', 'continuationtoken', 'nexttoken', 'continuation']);
// Server-driven paging: the response hands out the next page's link or cursor (Azure nextLink, HAL links...).
const NEXT = new Set(['cursor', 'continuationtoken', 'odatanextlink', 'pagination', 'paging', 'pageinfo', 'links']);

function isObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function normalize(name) {
  return String(name).toLowerCase().replace(/[^a-z0-9]/g, '');
}

// limit, page_size, pageToken, $top, page[number], nextPageToken, maxResults...
function isPagingParameter(parameter) {
  if (!isObject(parameter) || typeof parameter.name !== 'string' || !['query', 'header'].includes(parameter.in)) return false;
  const name = normalize(parameter.name);
  return PAGING.has(name) || name.startsWith('page') || name.startsWith('max') || name.endsWith('pagetoken') || name.endsWith('limit') || name.endsWith('cursor');
}

function isArraySchema(schema) {
  if (!isObject(schema)) return false;
  if (schema.type === 'array' || (Array.isArray(schema.type) && schema.type.includes('array'))) return true;
  return schema.type === undefined && schema.items !== undefined && schema.properties === undefined;
}

function properties(schema, depth = 0) {
  if (!isObject(schema) || depth > 4) return {};
  const own = isObject(schema.properties) ? schema.properties : {};
  const inherited = Array.isArray(schema.allOf) ? schema.allOf.map((member) => properties(member, depth + 1)) : [];
  return Object.assign({}, ...inherited, own);
}

// An unpaged list: a bare array, or an object wrapping one (in a known property or one named
// after the collection) that hands out no next link or cursor.
function isUnpagedList(schema, collection) {
  if (isArraySchema(schema)) return true;
  const props = properties(schema);
  if (Object.keys(props).some((name) => NEXT.has(normalize(name)) || normalize(name).startsWith('next'))) return false;
  return Object.entries(props).some(([name, value]) => (WRAPPERS.has(normalize(name)) || normalize(name) === collection) && isArraySchema(value));
}

function successSchemas(responses) {
  if (!isObject(responses)) return [];
  return Object.keys(responses)
    .filter((code) => /^2(\d\d|XX)$/i.test(code) && isObject(responses[code]))
    .flatMap((code) => {
      const response = responses[code];
      if (response.schema !== undefined) return [response.schema];
      return isObject(response.content) ? Object.values(response.content).map((media) => (isObject(media) ? media.schema : undefined)) : [];
    });
}

/**
 * Given a path item: a GET on a collection path (static last segment) that returns a list
 * accepts a pagination parameter.
 */
export default function designListPaginated(item, _options, context) {
  if (!isObject(item) || !isObject(item.get)) return [];
  const segments = String(context.path[context.path.length - 1]).split('/').filter(Boolean);
  const last = segments[segments.length - 1];
  if (last === undefined || /[{}]/.test(last)) return [];
  if (!successSchemas(item.get.responses).some((schema) => isUnpagedList(schema, normalize(last)))) return [];
  const parameters = [item.parameters, item.get.parameters].flatMap((list) => (Array.isArray(list) ? list : []));
  if (parameters.some(isPagingParameter)) return [];
  return [{ message: `List operation GET ${context.path[context.path.length - 1]} accepts no pagination parameter (limit, pageSize, cursor, pageToken, offset...)`, path: [...context.path, 'get'] }];
}
