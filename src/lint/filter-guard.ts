import { createRequire } from 'node:module';
import path from 'node:path';
import type { Ruleset } from '@stoplight/spectral-core';
import Nimma from 'nimma';
import * as nimmaRuntime from 'nimma/runtime';
import { NIMMA_OPTIONS } from './engine/nimma-code.js';

/**
 * A ruleset's JSONPath filter (`$..[?(@.x.y.z)]`) that threw while nimma, the JSONPath engine
 * Spectral uses, walked a document: where the walk was, and the document it walked.
 */
export class FilterFailure extends Error {
  constructor(
    readonly at: string,
    readonly root: unknown,
    cause: unknown,
  ) {
    super(`a JSONPath filter failed at ${at}`, { cause });
  }
}

type ScopeClass = { prototype: Record<string, unknown> };
interface ScopeLike {
  path: Array<string | number>;
  root: unknown;
}

const placeOf = (at: Array<string | number>) => at.join('.') || 'the document root';

/**
 * Tags an error escaping a walk with the path the walk was at — the node the filter was testing
 * — and the document. nimma compiles every `given` of a ruleset into one walk, so the error
 * itself names neither the rule nor the place.
 */
function tagWalks(Scope: ScopeClass): void {
  const original = Scope.prototype.traverse as (this: ScopeLike, ...args: unknown[]) => unknown;
  if (typeof original !== 'function') return;
  Scope.prototype.traverse = function (this: ScopeLike, ...args: unknown[]) {
    try {
      return original.apply(this, args);
    } catch (error) {
      throw error instanceof FilterFailure ? error : new FilterFailure(placeOf(this.path), this.root, error);
    }
  };
}

let installed: Promise<void> | undefined;

/**
 * Installs the tag on both of nimma's builds once per thread: the modern one (apigov's runner)
 * and the down-levelled CommonJS one Spectral's runner loads. Internal API: if a build is not
 * where expected it is left alone, and a throwing filter is reported without its rule, as before.
 */
export function guardFilters(): Promise<void> {
  installed ??= (async () => {
    // The very module apigov's runner extends (compiled-paths.ts): a variable import() here loaded
    // a second copy of it (12 files) beside the CLI bundle's, and tagged that one.
    if (typeof nimmaRuntime.Scope === 'function') tagWalks(nimmaRuntime.Scope as unknown as ScopeClass);
    try {
      const core = path.dirname(createRequire(import.meta.url).resolve('@stoplight/spectral-core'));
      const legacy = createRequire(path.join(core, 'index.js'))('nimma/legacy/runtime') as { Scope?: ScopeClass };
      if (typeof legacy.Scope === 'function') tagWalks(legacy.Scope);
    } catch {
      // See above.
    }
  })();
  return installed;
}

export interface ThrowingFilter {
  expression: string;
  /** The enabled rules with that `given`, sorted. */
  rules: string[];
}

/**
 * Which `given` with a filter throws on the document a walk failed on: each one alone, only on
 * this failure path. undefined when none does alone (then the report names no rule).
 */
export async function findThrowingFilter(ruleset: Ruleset, failure: FilterFailure): Promise<ThrowingFilter | undefined> {
  const rules = Object.values(ruleset.rules).filter((rule) => rule.enabled);
  const expressions = [...new Set(rules.flatMap((rule) => rule.given.filter((given) => given.includes('?('))))];
  const expression = expressions.find((candidate) => {
    try {
      new Nimma([candidate], NIMMA_OPTIONS).query(failure.root as Record<string, unknown>, { [candidate]: () => undefined });
      return false;
    } catch {
      return true;
    }
  });
  if (expression === undefined) return undefined;
  return { expression, rules: rules.filter((rule) => rule.given.includes(expression)).map((rule) => rule.name).sort() };
}
