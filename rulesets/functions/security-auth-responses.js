// Custom Spectral function (plain ESM, no imports) so Spectral itself can load it too.
const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);

// Authentication is required when every alternative names a scheme; a `{}` alternative makes
// it optional, and then a 403 is not a given.
function requiresAuth(operation, root) {
  if (operation['x-apigov-public'] === true) return false;
  const effective = operation.security !== undefined ? operation.security : root;
  return Array.isArray(effective) && effective.length > 0
    && effective.every((req) => isObject(req) && Object.keys(req).length > 0);
}

/**
 * Operations that require authentication declare 401 and 403. A `4XX` range counts (it
 * documents the client-error shape explicitly); `default` does not, it says nothing about auth.
 */
export default function securityAuthResponses(operation, options, context) {
  if (!isObject(operation)) return [];
  const data = context.document.data;
  if (!requiresAuth(operation, isObject(data) ? data.security : undefined)) return [];
  const responses = isObject(operation.responses) ? operation.responses : {};
  const codes = new Set(Object.keys(responses).map((code) => code.toUpperCase()));
  if (codes.has('4XX')) return [];
  const missing = ['401', '403'].filter((code) => !codes.has(code));
  if (missing.length === 0) return [];
  const [method] = context.path.slice(-1);
  const [route] = context.path.slice(-2, -1);
  return [{
    message: `${String(method).toUpperCase()} ${route} requires authentication but does not declare ${missing.length === 2 ? '401 and 403 responses' : `a ${missing[0]} response`}`,
    path: isObject(operation.responses) ? [...context.path, 'responses'] : context.path,
  }];
}
