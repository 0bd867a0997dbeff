// Custom Spectral function (plain ESM, no imports) so Spectral itself can load it too.
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const obj = (value) => (value !== null && typeof value === 'object' ? value : {});
const list = (value) => (Array.isArray(value) ? value : []);

// Major of info.version: 2.1.0, v2, 2.0-preview and v2beta1 give 2. Date versions have no
// major and are left alone, and so is anything else that does not start with a number.
function infoMajor(version) {
  if (typeof version === 'number' && version >= 0) return Math.floor(version); // YAML: version: 2.0
  if (typeof version !== 'string' || /^\d{4}-\d\d-\d\d/.test(version)) return undefined;
  const m = /^[vV]?(\d+)(?=$|[.\-+_ ]|[a-zA-Z]+\d*(?:$|[.\-+_ ]))/.exec(version.trim());
  return m && Number(m[1]) < 1000 ? Number(m[1]) : undefined; // 2021.12 is a calendar version
}

// Major carried by a URL prefix: /v2/..., /api/v2.1/..., /v2beta1/..., or a bare /2/ up front.
// Paths are read up to their second segment: /products/{id}/v2 versions one resource, not the API.
function urlMajor(urlPath, prefixOnly) {
  const segments = urlPath.split('/').filter(Boolean);
  for (const [i, segment] of segments.slice(0, prefixOnly ? 2 : undefined).entries()) {
    const v = /^v(\d+)(?:[._]\d+)*(?:[a-z]+\d*)*(?:\.\{[^}]*\}|\.[a-z]+)?$/i.exec(segment);
    if (v) return { major: Number(v[1]), segment };
    const upFront = i === 0 || (i === 1 && /^(?:api|rest)$/i.test(segments[0]));
    if (upFront && /^\d+(?:\.\d+)*$/.test(segment)) return { major: Number(segment.split('.')[0]), segment };
  }
  return undefined;
}

function serverPath(server) {
  const vars = obj(server.variables);
  const url = String(server.url ?? '').replace(/\{([^}]+)\}/g, (m, name) => (obj(vars[name]).default != null ? String(vars[name].default) : m));
  return url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '').replace(/^\/\/[^/]*/, '').split(/[?#]/)[0];
}

/** The major version in path prefixes, server URLs and basePath equals info.version's major. */
export default function versioningUrlMajor(input) {
  const doc = obj(input);
  const major = infoMajor(obj(doc.info).version);
  if (major === undefined) return [];
  const places = [];
  if (typeof doc.basePath === 'string') places.push([['basePath'], doc.basePath, 'basePath', false]);
  const addServers = (servers, base) => list(servers).forEach((s, i) => places.push([[...base, 'servers', i, 'url'], serverPath(obj(s)), 'server URL', false]));
  addServers(doc.servers, []);
  for (const [key, item] of Object.entries(obj(doc.paths))) {
    places.push([['paths', key], key, 'path', true]);
    addServers(obj(item).servers, ['paths', key]);
    for (const method of METHODS) addServers(obj(obj(item)[method]).servers, ['paths', key, method]);
  }
  // 0.x.y is the pre-release of the first major, which is often already published as /v1.
  const agrees = (found) => found.major === major || (major === 0 && found.major === 1);
  const results = [];
  const mismatchedPaths = new Map();
  for (const [path, urlPath, what, isPath] of places) {
    const found = urlMajor(urlPath, isPath);
    if (!found || agrees(found)) continue;
    const message = `${what} version "${found.segment}" does not match info.version "${doc.info.version}" (major ${major})`;
    if (!isPath) results.push({ message, path });
    else if (!mismatchedPaths.has(found.segment)) mismatchedPaths.set(found.segment, { message, path, count: 0 });
    if (isPath) mismatchedPaths.get(found.segment).count += 1;
  }
  // Paths may serve several majors side by side (/v1 and /v2); that is only a mismatch when
  // none of them is info.version's. One finding per version segment, not one per path.
  const pathMajors = places.filter((p) => p[3]).map((p) => urlMajor(p[1], true)).filter(Boolean);
  if (!pathMajors.some(agrees)) {
    for (const { message, path, count } of mismatchedPaths.values()) {
      results.push({ message: count > 1 ? `${message}; so do ${count - 1} more paths` : message, path });
    }
  }
  return results;
}
