// Custom Spectral function (plain ESM) that Spectral itself can load too.
import { remembered } from './lib/remembered.js';
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const MODES = ['any', 'path', 'server', 'header', 'media-type'];
// Order breaks ties when two strategies are used by as many operations. `query` (Azure's
// ?api-version=) is recognised so such APIs count as consistent, but cannot be required.
const ORDER = ['path', 'server', 'header', 'media-type', 'query'];
const LABEL = {
  path: 'a version path segment (/v1/...)',
  server: 'a version in the server URL or basePath',
  header: 'a version header (e.g. Api-Version)',
  'media-type': 'a versioned media type (e.g. application/vnd.example.v1+json)',
  query: 'an api-version query parameter',
};
const MISSING = {
  header: 'no version header parameter (e.g. Api-Version)',
  'media-type': 'no versioned media type (e.g. application/vnd.example.v1+json)',
  query: 'no api-version query parameter',
};

// v1, v2.1, v1beta1 anywhere; a bare number, a date (AWS /2015-03-31/...) or a {version}
// template only up front (/2/tweets, /api/{version}/...): /documents/{version} is data.
function isVersionSegment(segment, index, segments) {
  if (/^v\d+(?:[._]\d+)*(?:[a-z]+\d*)*(?:\.\{[^}]*\}|\.[a-z]+)?$/i.test(segment)) return true; // also /v1.{format}
  const upFront = index === 0 || (index === 1 && /^(?:api|rest)$/i.test(segments[0]));
  return upFront && /^(?:\d+(?:\.\d+)*|\d{4}-\d\d-\d\d|\{(?:api[-_]?)?version\})$/i.test(segment);
}
// Verdicts per text: the same paths and media types (application/json) recur on every operation.
const versionSegment = (urlPath) => urlPath.split('/').filter(Boolean).find(isVersionSegment);
const hasVersion = remembered((urlPath) => versionSegment(urlPath) !== undefined);
const isVersionHeader = (name) => /^(?:x-)?(?:api[-_]?|ms-|accept-)?version$|-api-version$/i.test(name);
const isVersionQuery = (name) => /^api[-_]?version$/i.test(name);
const isVersionedMediaType = remembered((type) => /[./+]v\d+(?:\.\d+)*(?=[.+;\s]|$)|;\s*(?:v|version|api-version)\s*=/i.test(type));
const obj = (value) => (value !== null && typeof value === 'object' ? value : {});
const list = (value) => (Array.isArray(value) ? value : []);

function serverUrlPath(server) {
  const vars = obj(server.variables);
  const url = String(server.url ?? '').replace(/\{([^}]+)\}/g, (m, name) => (obj(vars[name]).default != null ? String(vars[name].default) : m));
  return url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '').replace(/^\/\/[^/]*/, '').split(/[?#]/)[0];
}

function describeOperation(doc, key, item, method, op, oas2) {
  const at = ['paths', key, method];
  const uses = { path: hasVersion(key) ? [['paths', key]] : [], server: [], header: [], 'media-type': [], query: [] };
  const servers = [];
  if (oas2) servers.push({ loc: doc.basePath === undefined ? [] : ['basePath'], path: String(doc.basePath ?? '/'), url: `basePath "${doc.basePath ?? '/'}"` });
  else {
    const [list0, base] = [[op.servers, at], [item.servers, ['paths', key]], [doc.servers, []]].find(([s]) => list(s).length) ?? [[], []];
    list(list0).forEach((s, i) => servers.push({ loc: [...base, 'servers', i, 'url'], path: serverUrlPath(obj(s)), url: `server URL "${obj(s).url}"` }));
    if (!servers.length) servers.push({ loc: [], path: '/', url: 'the API (no servers)' });
  }
  uses.server = servers.filter((s) => hasVersion(s.path)).map((s) => s.loc);
  const unversionedServers = servers.filter((s) => !hasVersion(s.path));
  for (const [params, base] of [[item.parameters, ['paths', key]], [op.parameters, at]]) {
    list(params).forEach((p, i) => {
      const name = String(obj(p).name ?? '');
      if (obj(p).in === 'header' && isVersionHeader(name)) uses.header.push([...base, 'parameters', i]);
      if (obj(p).in === 'query' && isVersionQuery(name)) uses.query.push([...base, 'parameters', i]);
    });
  }
  const types = [];
  if (oas2) {
    for (const field of ['consumes', 'produces']) {
      const own = Array.isArray(op[field]);
      list(own ? op[field] : doc[field]).forEach((t, i) => types.push([String(t), own ? [...at, field, i] : [field, i]]));
    }
  } else {
    for (const t of Object.keys(obj(obj(op.requestBody).content))) types.push([t, [...at, 'requestBody', 'content', t]]);
    for (const [code, r] of Object.entries(obj(op.responses))) {
      for (const t of Object.keys(obj(obj(r).content))) types.push([t, [...at, 'responses', code, 'content', t]]);
    }
  }
  uses['media-type'] = types.filter(([t]) => isVersionedMediaType(t)).map(([, loc]) => loc);
  return { key, at, uses, unversionedServers, hasContent: types.length > 0 };
}

function lacks(op, target) {
  if (target === 'server') return op.unversionedServers.map((s) => [s.loc, `${s.url} has no version segment (e.g. https://api.example.com/v1)`]);
  if (op.uses[target].length) return [];
  if (target === 'path') return [[['paths', op.key], `"${op.key}" has no version segment (like /v1/)`]];
  if (target === 'media-type' && !op.hasContent) return [];
  return [[op.at, `operation has ${MISSING[target]}`]];
}

/** One versioning strategy, used everywhere. Option `versioning`: any | path | server | header | media-type. */
export default function versioningStrategy(input, options) {
  const mode = (options && options.versioning) || 'any';
  if (!MODES.includes(mode)) return [{ message: `unknown versioning strategy "${mode}" (use ${MODES.join(', ')})` }];
  const doc = obj(input);
  const oas2 = doc.swagger !== undefined;
  const ops = [];
  for (const [key, item] of Object.entries(obj(doc.paths))) {
    for (const method of METHODS) if (obj(item)[method] && typeof item[method] === 'object') ops.push(describeOperation(doc, key, obj(item), method, item[method], oas2));
  }
  const users = (s) => ops.filter((op) => op.uses[s].length);
  const target = mode !== 'any' ? mode : ORDER.reduce((best, s) => (users(s).length > users(best).length ? s : best), ORDER[0]);
  const results = new Map();
  const add = (loc, message) => results.set(JSON.stringify(loc), { message, path: loc });
  const versioned = ops.filter((op) => ORDER.some((s) => op.uses[s].length)).length;
  if (mode === 'any' && versioned * 2 < ops.length) {
    // Mostly unversioned (QuickSight: one /v2/ resource among 160 operations): one finding per
    // strategy at its first use, not one per operation lacking what a few have.
    for (const s of ORDER.filter((x) => users(x).length)) {
      add(users(s)[0].uses[s][0], `only ${users(s).length} of ${ops.length} operations use ${LABEL[s]} (the first is here) and the rest carry no version; version the whole API one way`);
    }
    return [...results.values()];
  }
  const why = mode === 'any' ? `the rest of the API uses ${LABEL[target]}` : `the house strategy is versioning: ${mode}`;
  // A second carrier on every operation that can have it (HSBC: /v2.2/ and a v2.2 media type
  // everywhere) is redundant but consistent; only a partial one mixes strategies.
  const eligible = (s) => (s === 'media-type' ? ops.filter((op) => op.hasContent) : ops);
  const partial = ORDER.filter((s) => s !== target && users(s).length < eligible(s).length);
  for (const op of ops) {
    for (const [loc, text] of lacks(op, target)) add(loc, `${text}; ${why}`);
    for (const s of partial) for (const loc of op.uses[s]) add(loc, `uses ${LABEL[s]}, but ${why}; use one versioning strategy`);
  }
  return [...results.values()];
}
