import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { ensurePackage, fetchOrSkip } from './real-data.js';

/**
 * The official SARIF 2.1.0 schema (draft-04), from the npm package that ships it, fetched into
 * .cache/ on first use. `validate` is undefined, with a reason, only when the registry is unreachable.
 */
export function sarifValidator(): { validate?: (log: unknown) => string[]; skipReason?: string } {
  const fetched = fetchOrSkip(() => ensurePackage('@microsoft/jest-sarif@1.0.0-beta.0', 'jest-sarif'));
  if (!fetched.value) return { skipReason: fetched.skipReason };
  const schema = JSON.parse(readFileSync(path.join(fetched.value, 'lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
  // The schema's `language` pattern has a stray `]`, legal only in non-unicode regular expressions.
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  const check = ajv.compile(schema);
  return {
    validate: (log) => (check(log) ? [] : (check.errors ?? []).map((e) => `${e.instancePath} ${e.message}`)),
  };
}
