// Custom Spectral function (plain ESM, no imports) so Spectral itself can load it too.
const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);

// IETF RateLimit / RateLimit-Policy (and the older RateLimit-Limit/-Remaining/-Reset draft),
// the de-facto X-RateLimit-* and X-Rate-Limit-* families, and Retry-After.
const RATE_LIMIT_HEADER = /^(x-)?rate-?limit(-[a-z0-9-]+)?$|^retry-after$/i;

/**
 * Operations declare a 429 response that tells the client when to come back. The header can
 * sit on the 429 itself (Retry-After) or, for the RateLimit fields, on any response.
 */
export default function securityRateLimitResponses(operation, options, context) {
  if (!isObject(operation)) return [];
  const responses = isObject(operation.responses) ? operation.responses : {};
  const [method] = context.path.slice(-1);
  const [route] = context.path.slice(-2, -1);
  const what = `${String(method).toUpperCase()} ${route}`;
  if (!isObject(responses['429'])) {
    return [{
      message: `${what} does not declare a 429 (Too Many Requests) response`,
      path: isObject(operation.responses) ? [...context.path, 'responses'] : context.path,
    }];
  }
  const hasHeader = Object.values(responses).some((response) =>
    isObject(response) && isObject(response.headers) && Object.keys(response.headers).some((name) => RATE_LIMIT_HEADER.test(name)));
  if (hasHeader) return [];
  return [{
    message: `${what}: the 429 response declares no Retry-After or RateLimit header, so clients cannot tell when to retry`,
    path: [...context.path, 'responses', '429'],
  }];
}
