// Custom Spectral function (plain ESM, no imports) so Spectral itself can load it too.
function isObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Given an operation: it declares a 4xx response, a 4XX range, or an error `default`.
 * `default` only counts when a 2xx/3xx is declared too: when it is the only response it
 * describes success, and clients still learn nothing about the operation's errors.
 */
export default function designErrorResponsesDeclared(operation, _options, context) {
  if (!isObject(operation) || !isObject(operation.responses)) return [];
  const codes = Object.keys(operation.responses);
  if (codes.some((code) => /^4(\d\d|XX)$/i.test(code))) return [];
  if (codes.includes('default') && codes.some((code) => /^[23]/.test(code))) return [];
  return [
    {
      message: codes.includes('default')
        ? 'Operation declares no 4xx response (its only response, default, describes success)'
        : 'Operation declares no 4xx response (nor a default error response)',
      path: [...context.path, 'responses'],
    },
  ];
}
