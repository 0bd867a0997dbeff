// Custom Spectral function (plain ESM, no imports) so Spectral itself can load it too.
const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);

// Plain http to your own machine is how local development works; nothing crosses a network.
const LOOPBACK = /^(localhost|[a-z0-9.-]+\.localhost|127(\.\d{1,3}){3}|\[::1\])(:|$)/i;
const PLAIN = /^(http|ws):\/\/([^/?#]*)/i;

// Server variables are substituted by their defaults: that is the URL a client uses unchosen.
function expand(url, variables) {
  if (!isObject(variables)) return url;
  return url.replace(/\{([^}]+)\}/g, (whole, name) => {
    const variable = variables[name];
    return isObject(variable) && variable.default !== undefined ? String(variable.default) : whole;
  });
}

function isPlainRemote(host) {
  return !LOOPBACK.test(host.replace(/^[^@]*@/, ''));
}

/**
 * Input is an OpenAPI 3 server object, or one entry of a Swagger 2.0 `schemes` list.
 * Relative URLs inherit the scheme the description was fetched with, so they pass.
 */
export default function securityHttpsUrl(input, options, context) {
  if (typeof input === 'string') {
    if (!/^(http|ws)$/i.test(input)) return [];
    const data = context.document.data;
    const host = isObject(data) && typeof data.host === 'string' ? data.host : '';
    if (host !== '' && !isPlainRemote(host)) return [];
    return [{ message: `scheme "${input}" is plain text; serve the API over https only` }];
  }
  if (!isObject(input) || typeof input.url !== 'string') return [];
  const url = expand(input.url.trim(), input.variables);
  const match = PLAIN.exec(url);
  if (!match || !isPlainRemote(match[2])) return [];
  return [{ message: `server "${input.url}" is plain text; use https:// (or wss://)`, path: [...context.path, 'url'] }];
}
