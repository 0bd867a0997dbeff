/**
 * Fixture cases where openapi-diff reports a breaking change that apigov deliberately does not,
 * each with the reason its verdict is wrong. Keyed by `<check>/<case>`.
 */
export const ORACLE_WAIVERS: Record<string, { reason: string }> = {};
