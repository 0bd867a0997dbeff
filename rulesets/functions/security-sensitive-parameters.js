// Custom Spectral function (plain ESM, no imports) so Spectral itself can load it too.
const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);

// Matched against every word-aligned tail of the name: "client_secret", "newPassword", "x-api-key".
const CREDENTIAL_TAILS = new Set(['password', 'passwd', 'passphrase', 'secret', 'apikey', 'apitoken', 'accesstoken',
  'refreshtoken', 'authtoken', 'idtoken', 'sessiontoken', 'bearertoken', 'oauthtoken', 'privatekey', 'secretkey',
  'accesskey', 'subscriptionkey']);
// Too generic as a tail ("pageToken", "sortKey"), credentials only as the whole name.
const CREDENTIAL_NAMES = new Set(['token', 'key', 'auth', 'authorization', 'pwd', 'jwt']);
// "key" and "token" also name object keys and page cursors; their description tells which.
const AMBIGUOUS = new Set(['token', 'key']);
const NOT_A_CREDENTIAL = /pag(e|ing|ination)|next|skip|continu|cursor|object|cache|propert|bucket/i;
const CREDENTIAL_HINT = /api.?key|credential|secret|authenticat|authoriz|access.?token|oauth/i;
const PERSONAL_TAILS = new Set(['ssn', 'socialsecuritynumber', 'nationalid', 'nationalidnumber', 'nationalidentitynumber',
  'passportnumber', 'passportno', 'driverslicense', 'driverslicensenumber', 'driverlicense', 'driverlicensenumber',
  'cardnumber', 'creditcard', 'creditcardnumber', 'cvv', 'cvv2', 'cvc', 'cvc2', 'iban', 'bankaccount',
  'bankaccountnumber', 'dateofbirth', 'birthdate', 'dob']);

// "last4CardNumber", "fourDigitSsn": the truncated forms PCI DSS and KYC flows allow to show.
const PARTIAL_WORDS = new Set(['last', 'last4', 'first', 'first6', 'four', 'digit', 'digits', 'masked', 'suffix', 'prefix']);

const wordsOf = (name) => name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
  .toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
const tails = (words) => words.map((_, i) => words.slice(i).join(''));

function isPersonal(name) {
  const words = wordsOf(name);
  return tails(words).some((tail) => PERSONAL_TAILS.has(tail)) && !words.some((word) => PARTIAL_WORDS.has(word));
}

function isCredential(parameter, inPath) {
  const all = tails(wordsOf(parameter.name));
  if (all.some((tail) => CREDENTIAL_TAILS.has(tail))) return true;
  // In a path any "...Token" is a capability URL ("/resets/{resetToken}") unless it pages.
  const generic = CREDENTIAL_NAMES.has(all[0]) ? all[0] : inPath && all.includes('token') ? 'token' : undefined;
  if (generic === undefined || (inPath && generic === 'key')) return false;
  if (!AMBIGUOUS.has(generic)) return true;
  const description = typeof parameter.description === 'string' ? parameter.description.trim() : '';
  if (CREDENTIAL_HINT.test(description)) return true;
  // "key" names object, cache and project keys as often as API keys: undescribed, assume the worst.
  if (generic === 'key') return description === '';
  return !NOT_A_CREDENTIAL.test(`${parameter.name} ${description}`);
}

// Switches such as "includeSecret" or "AllowUsersToChangePassword" are not the secret itself.
function isBoolean(parameter) {
  const schema = isObject(parameter.schema) ? parameter.schema : parameter;
  const parts = [schema, ...(Array.isArray(schema.allOf) ? schema.allOf : [])];
  return parts.some((part) => isObject(part) && part.type === 'boolean');
}

/**
 * Options: `mode` is "credentials-in-query" (apiKey schemes and credential-named query
 * parameters) or "sensitive-in-url" (credentials in the path, personal data in path or query).
 */
export default function securitySensitiveParameters(input, options, context) {
  if (!isObject(input)) return [];
  const mode = isObject(options) && options.mode === 'sensitive-in-url' ? 'sensitive-in-url' : 'credentials-in-query';
  const isScheme = context.path[0] === 'securityDefinitions' || context.path[1] === 'securitySchemes';
  if (isScheme) {
    if (mode !== 'credentials-in-query' || input.type !== 'apiKey' || input.in !== 'query') return [];
    const scheme = context.path[context.path.length - 1];
    return [{ message: `API key scheme "${scheme}" is sent in the query string; send it in a header`, path: [...context.path, 'in'] }];
  }
  if (typeof input.name !== 'string' || isBoolean(input)) return [];
  const where = { path: [...context.path, 'name'] };
  if (mode === 'credentials-in-query') {
    if (input.in !== 'query' || !isCredential(input, false)) return [];
    return [{ ...where, message: `query parameter "${input.name}" carries a credential; send it in a header (e.g. Authorization)` }];
  }
  if (input.in === 'path' && isCredential(input, true)) {
    return [{ ...where, message: `path parameter "${input.name}" puts a credential in the URL, where logs and caches keep it` }];
  }
  if ((input.in === 'path' || input.in === 'query') && isPersonal(input.name)) {
    return [{ ...where, message: `${input.in} parameter "${input.name}" puts personal or payment data in the URL, where logs and caches keep it; send it in a request body` }];
  }
  return [];
}
