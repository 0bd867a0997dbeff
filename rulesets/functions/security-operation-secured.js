// Custom Spectral function (plain ESM, no imports) so Spectral itself can load it too.
const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * An operation passes when it is secured (its effective security — its own `security`, else the
 * root one — is a non-empty list of non-empty requirements) or deliberately public: its own
 * `security: []`, a requirement list holding `{}` (authentication optional), or
 * `x-apigov-public: true`. Silence must be a decision, not an omission.
 */
export default function securityOperationSecured(operation, options, context) {
  if (!isObject(operation) || operation['x-apigov-public'] === true) return [];
  const own = operation.security;
  if (Array.isArray(own) && own.length === 0) return [];
  const root = isObject(context.document.data) ? context.document.data.security : undefined;
  const effective = own !== undefined ? own : root;
  if (Array.isArray(effective) && effective.length > 0) {
    if (effective.some((req) => isObject(req) && Object.keys(req).length === 0)) return [];
    if (effective.every((req) => isObject(req) && Object.keys(req).length > 0)) return [];
  }
  const [method] = context.path.slice(-1);
  const [route] = context.path.slice(-2, -1);
  const what = `${String(method).toUpperCase()} ${route}`;
  if (own !== undefined) {
    return [{ message: `${what} has a malformed security requirement list`, path: [...context.path, 'security'] }];
  }
  return [{ message: `${what} is not secured: add a security requirement, or mark it public with "security: []" or "x-apigov-public: true"` }];
}
