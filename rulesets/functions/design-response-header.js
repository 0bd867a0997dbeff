// Custom Spectral function (plain ESM, no imports) so Spectral itself can load it too.
/**
 * Given a response (OAS3 or Swagger 2.0, both keep `headers` on the response): it declares at
 * least one of `options.headers`, compared case-insensitively as HTTP header names are.
 */
export default function designResponseHeader(response, options) {
  if (response === null || typeof response !== 'object' || Array.isArray(response)) return [];
  const names = Array.isArray(options?.headers) ? options.headers.map(String) : [];
  const wanted = names.map((name) => name.toLowerCase());
  const headers = response.headers !== null && typeof response.headers === 'object' ? Object.keys(response.headers) : [];
  if (headers.some((name) => wanted.includes(name.toLowerCase()))) return [];
  return [{ message: `Response declares none of the headers ${names.join(', ')}` }];
}
