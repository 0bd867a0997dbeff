import { createRequire } from 'node:module';
import path from 'node:path';
import { setActivityDetail } from '../runtime/activity.js';

type LintNode = (context: unknown, node: { path: readonly (string | number)[] }, rule: { name: string }) => void;

/** A rule function that threw on a node of the spec; lint-file turns it into the file's one-line failure. */
export class RuleFailure extends Error {
  constructor(
    readonly ruleId: string,
    readonly at: string,
    cause: unknown,
  ) {
    super(`rule ${ruleId} failed at ${at}`, { cause });
  }
}

let installed = false;

/**
 * Spectral calls one internal function per rule and matched node (`lintNode`, looked up on its
 * module at each call). Wrapping that export once per thread does two things for every rule of
 * every ruleset: it writes the rule's name to the activity board (so a run cut short by
 * --timeout names it; a no-op without a board), and it tags an exception a rule function throws
 * on an odd document with the rule and the place, which Spectral would otherwise report as an
 * anonymous "Error running Nimma". It is internal API: if it is not where expected, nothing is
 * wrapped and runs behave as before.
 */
export function guardRules(): void {
  if (installed) return;
  installed = true;
  try {
    const require = createRequire(import.meta.url);
    const core = path.dirname(require.resolve('@stoplight/spectral-core'));
    const runnerModule = require(path.join(core, 'runner', 'lintNode.js')) as { lintNode?: LintNode };
    const original = runnerModule.lintNode;
    if (typeof original !== 'function') return;
    runnerModule.lintNode = (context, node, rule) => {
      setActivityDetail(`running rule ${rule.name}`);
      try {
        return original(context, node, rule);
      } catch (error) {
        const at = node.path.filter((segment) => segment !== '$').join('.') || 'the document root';
        throw new RuleFailure(rule.name, at, error);
      }
    };
  } catch {
    // See above.
  }
}

/** The RuleFailure somewhere in an error's causes (Spectral's JSONPath engine wraps them in an AggregateError). */
export function findRuleFailure(error: unknown, depth = 0): RuleFailure | undefined {
  if (error instanceof RuleFailure) return error;
  if (depth > 8 || error === null || typeof error !== 'object') return undefined;
  const { cause, errors } = error as { cause?: unknown; errors?: unknown };
  for (const inner of [cause, ...(Array.isArray(errors) ? errors : [])]) {
    const found = findRuleFailure(inner, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** The innermost message of an error chain: what actually went wrong. */
export function rootMessage(error: unknown): string {
  let current = error as { message?: unknown; cause?: unknown } | undefined;
  while (current?.cause instanceof Error) current = current.cause as typeof current;
  return String(current?.message ?? current).split('\n')[0]!;
}
