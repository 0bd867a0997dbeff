/**
 * Fixture cases where openapi-diff reports a breaking change that apigov deliberately does not,
 * each with the reason its verdict is wrong. Keyed by `<check>/<case>`.
 */
export const ORACLE_WAIVERS: Record<string, { reason: string }> = {
  'endpoints/removed-after-deprecation': {
    reason: 'openapi-diff ignores deprecation and x-sunset: removing an operation that was deprecated, with no sunset date or one that has come, is the announced end of its life (oasdiff: api-removed-with-deprecation, information).',
  },
  'endpoints/removed-with-unreadable-sunset': {
    reason: 'apigov does report these removals as errors, under api-path-sunset-parse (the deprecation announced no readable date), which the oracle kind table does not map to path.remove.',
  },
  'endpoints/trailing-slash-changed': {
    reason: 'apigov matches /pets and /pets/ as one operation (so its contents are compared) and warns with apigov-path-trailing-slash-changed: whether the server routes them differently depends on the framework, not on the description.',
  },
  'request-body/control-swagger2-to-oas30': {
    reason: 'openapi-diff takes Swagger 2.0 response headers as required and their OpenAPI 3.0 conversion (required: false, the 3.0 default) as a removed required header; 2.0 headers cannot be required, so nothing changed.',
  },
  'response-headers/range-paired': {
    reason: 'The 200 response is now described by 2XX, which covers it: clients handling 200 still get a documented 2xx; apigov pairs the two and compares their bodies and headers instead of reporting a removal.',
  },
  'responses/non-success-status': {
    reason: 'A documented error status removed (404) does not break clients, which must handle undocumented errors anyway; oasdiff reports response-non-success-status-removed as information.',
  },
  'schema-type/control-implicit-object': {
    reason: 'openapi-diff reads a schema with properties but no type as accepting any JSON value, so adding the missing `type: object` (or `type: array` beside items) narrows it; no client sends a string where an object with properties is described, and generators already read it as an object, so apigov treats the added type as the cleanup it is.',
  },
};
