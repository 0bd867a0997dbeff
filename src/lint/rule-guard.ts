import { createRequire } from 'node:module';
import path from 'node:path';
import { setActivityDetail } from '../runtime/activity.js';

type LintNode = (context: { promises?: Array<Promise<unknown>> }, node: { path: readonly (string | number)[] }, rule: { name: string }) => void;

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
 * anonymous "Error running Nimma" — also when a function's promise rejects. It is internal API:
 * if it is not where expected, nothing is wrapped and runs behave as before.
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
      const place = () => node.path.filter((segment) => segment !== '$').join('.') || 'the document root';
      const pending = context.promises?.length ?? 0;
      try {
        original(context, node, rule);
      } catch (error) {
        throw new RuleFailure(rule.name, place(), error);
      }
      // An async function's results arrive as promises Spectral awaits all at once; a rejection is
      // tagged like a throw, with the place taken now (the walk reuses the path array).
      const added = (context.promises?.length ?? 0) - pending;
      if (added === 0) return;
      const at = place();
      for (let i = pending; i < pending + added; i += 1) {
        context.promises![i] = context.promises![i]!.catch((error: unknown) => {
          throw new RuleFailure(rule.name, at, error);
        });
      }
    };
  } catch {
    // See above.
  }
}

type RuleFunction = ((this: unknown, input: unknown, options: unknown, context: { path?: readonly (string | number)[] }) => unknown) & { name: string };
const wrappedRulesets = new WeakSet<object>();

/**
 * An async rule function's rejection reaches the runner as a bare error after every node was
 * visited, naming nothing; whichever runner lints, wrapping the function itself tags it with the
 * rule and the place it was called on. Only async functions are wrapped (built-in functions
 * are synchronous, and some are recognised by identity); the wrapper keeps the name and the
 * source text the result cache fingerprints.
 */
export function guardAsyncFunctions(ruleset: { rules: Record<string, { name: string; then: Array<{ function: unknown }> }> }): void {
  if (wrappedRulesets.has(ruleset)) return;
  wrappedRulesets.add(ruleset);
  for (const rule of Object.values(ruleset.rules)) {
    for (const then of rule.then) {
      const original = then.function as RuleFunction;
      if (typeof original !== 'function' || original.constructor.name !== 'AsyncFunction') continue;
      const wrapped = function (this: unknown, input: unknown, options: unknown, context: { path?: readonly (string | number)[] }) {
        const at = context?.path?.join('.') || 'the document root';
        return (original.call(this, input, options, context) as Promise<unknown>).catch((error: unknown) => {
          throw new RuleFailure(rule.name, at, error);
        });
      };
      // Spectral hangs options schemas and the like on its functions: they travel along.
      Object.assign(wrapped, original);
      Object.defineProperties(wrapped, { name: { value: original.name }, toString: { value: () => original.toString() } });
      then.function = wrapped;
    }
  }
}

/** The first error of a class somewhere in an error's causes (Spectral's JSONPath engine wraps them in an AggregateError). */
export function findInCauses<T>(error: unknown, kind: new (...args: never[]) => T, depth = 0): T | undefined {
  if (error instanceof kind) return error;
  if (depth > 8 || error === null || typeof error !== 'object') return undefined;
  const { cause, errors } = error as { cause?: unknown; errors?: unknown };
  for (const inner of [cause, ...(Array.isArray(errors) ? errors : [])]) {
    const found = findInCauses(inner, kind, depth + 1);
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
