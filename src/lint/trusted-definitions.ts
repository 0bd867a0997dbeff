import { createRequire } from 'node:module';
import path from 'node:path';

type Assert = (definition: unknown, format?: string, sourceContext?: unknown) => void;

/**
 * Spectral checks every ruleset definition against its ruleset schema when it builds a Ruleset,
 * and its first check compiles that schema with ajv: about a tenth of a second in every process,
 * for the default ruleset as much as for a tiny spec. apigov's own ruleset files and Spectral's
 * built-in rulesets never change between runs; test/lint/trusted-definitions.test.ts passes each
 * of them through Spectral's check instead. Any other definition (a user's file, a package, a
 * remote ruleset) is checked as before, with Spectral's messages.
 */
const require = createRequire(import.meta.url);
const assertions = require(path.join(path.dirname(require.resolve('@stoplight/spectral-core')), 'ruleset/validation/assertions.js')) as { assertValidRuleset: Assert };

/** Spectral's own check, for the test that holds the trusted definitions to it. */
export const spectralAssertValidRuleset: Assert = assertions.assertValidRuleset;

// Spectral checks a definition with `extends` as a copy (`{ extends: [], ...definition }`): an
// enumerable symbol travels with the copy, and Spectral's code never reads symbol keys.
const TRUSTED = Symbol('apigov.trustedDefinition');
const trustedObjects = new WeakSet<object>();

function isTrusted(definition: unknown): boolean {
  if (typeof definition !== 'object' || definition === null) return false;
  return trustedObjects.has(definition) || (definition as Record<symbol, unknown>)[TRUSTED] === true;
}

assertions.assertValidRuleset = (definition, format, sourceContext) => {
  if (!isTrusted(definition)) spectralAssertValidRuleset(definition, format, sourceContext);
};

/** Marks a definition apigov built from its own ruleset files (which it may mark in place). */
export function trustOwnDefinition<T extends object>(definition: T): T {
  Object.defineProperty(definition, TRUSTED, { value: true, enumerable: true });
  return definition;
}

/** Marks one of Spectral's built-in definitions, without touching the shared object. */
export function trustBuiltinDefinition<T extends object>(definition: T): T {
  trustedObjects.add(definition);
  return definition;
}
