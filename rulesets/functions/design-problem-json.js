// Custom Spectral function (plain ESM, no imports) so Spectral itself can load it too.
const PROBLEM = /^application\/problem\+(json|xml)\s*(;|$)/i;

function isObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

// `default` is treated as an error response only when the operation declares its success
// (2xx/3xx) explicitly; otherwise `default` is the operation's success response.
function errorCodes(responses) {
  const codes = Object.keys(responses);
  const explicitSuccess = codes.some((code) => /^[23]/.test(code));
  return codes.filter((code) => /^[45](\d\d|XX)$/i.test(code) || (code === 'default' && explicitSuccess));
}

/**
 * Given an operation: every 4xx/5xx (and error `default`) response that has a body serves it
 * as application/problem+json (or +xml). OAS3 reads the response's content keys; Swagger 2.0
 * the operation's (or the document's) `produces`.
 */
export default function designProblemJson(operation, _options, context) {
  if (!isObject(operation) || !isObject(operation.responses)) return [];
  const data = isObject(context.document?.data) ? context.document.data : {};
  const swagger2 = typeof data.swagger === 'string';
  const results = [];
  for (const code of errorCodes(operation.responses)) {
    const response = operation.responses[code];
    if (!isObject(response)) continue;
    if (swagger2) {
      if (response.schema === undefined) continue;
      const produces = Array.isArray(operation.produces) ? operation.produces : Array.isArray(data.produces) ? data.produces : [];
      const types = produces.filter((type) => typeof type === 'string');
      if (types.some((type) => PROBLEM.test(type))) continue;
      const served = types.length > 0 ? types.join(', ') : 'an undeclared media type (no produces)';
      results.push({
        message: `Error response body is served as ${served}; add application/problem+json (RFC 9457) to produces`,
        // not at `schema`: it is usually a $ref, and the finding would land on the shared definition
        path: [...context.path, 'responses', code],
      });
    } else {
      if (!isObject(response.content)) continue;
      const types = Object.keys(response.content);
      if (types.length === 0 || types.some((type) => PROBLEM.test(type))) continue;
      results.push({
        message: `Error response body is ${types.join(', ')}; use application/problem+json (RFC 9457)`,
        path: [...context.path, 'responses', code, 'content'],
      });
    }
  }
  return results;
}
