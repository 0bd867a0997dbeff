// Custom Spectral function (plain ESM, no imports) so Spectral itself can load it too.
const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);

// IETF RateLimit / RateLimit-Policy (and the older RateLimit-Limit/-Remaining/-Reset draft),
// the de-facto X-RateLimit-* and X-Rate-Limit-* families, and Retry-After.
const RATE_LIMIT_HEADER = /^(x-)?rate-?limit(-[a-z0-9-]+)?$|^retry-after$/i;

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const declares429 = new WeakMap();
function anyOperationDeclares429(data) {
  if (!isObject(data) || !isObject(data.paths)) return false;
  if (!declares429.has(data)) {
    declares429.set(data, Object.values(data.paths).some((item) => isObject(item) && METHODS.some((method) =>
      isObject(item[method]) && isObject(item[method].responses) && '429' in item[method].responses)));
  }
  return declares429.get(data);
}

/**
 * Operations declare a 429 response that tells the client when to come back. The header can
 * sit on the 429 itself (Retry-After) or, for the RateLimit fields, on any response.
 */
export default function securityRateLimitResponses(operation, options, context) {
  if (!isObject(operation)) return [];
  const responses = isObject(operation.responses) ? operation.responses : {};
  if (!anyOperationDeclares429(context.document.data)) {
    // Not documented anywhere: one finding for the API (Spectral merges identical findings).
    return [{ message: 'no operation declares a 429 (Too Many Requests) response with Retry-After or RateLimit headers', path: ['paths'] }];
  }
  if (!isObject(responses['429'])) {
    const [route, method] = context.path.slice(-2);
    return [{
      message: `${String(method).toUpperCase()} ${route} does not declare a 429 (Too Many Requests) response`,
      path: isObject(operation.responses) ? [...context.path, 'responses'] : context.path,
    }];
  }
  const hasHeader = Object.values(responses).some((response) =>
    isObject(response) && isObject(response.headers) && Object.keys(response.headers).some((name) => RATE_LIMIT_HEADER.test(name)));
  if (hasHeader) return [];
  return [{
    // No operation in the message: a shared 429 response is then reported once, where it is defined.
    message: 'the 429 response declares no Retry-After or RateLimit header, so clients cannot tell when to retry',
    path: [...context.path, 'responses', '429'],
  }];
}
