import { AsyncLocalStorage } from 'node:async_hooks';
import { DEFAULT_SPEC_LIMITS, type SpecLimits } from '../load/spec-limits.js';

/**
 * What a run allows its untrusted input, set once by the CLI from flags and environment. It
 * travels with the run's async context instead of through every engine's signature: loaders
 * deep in lint, diff and check read it, and in-process runs (tests) never see each other's.
 * It is plain data, so worker threads receive a copy.
 */
export interface RunContext {
  limits: SpecLimits;
  /** --allow-remote-ruleset: http(s) rulesets load, declarative content only. */
  allowRemoteRuleset: boolean;
  /** --allow-remote: http(s) `$ref`s are fetched (and URL inputs read), under src/load/ref-reader.ts's rules. */
  allowRemote: boolean;
  /** --ref-root (absolute): `$ref`ed files may come from anywhere under it instead of the spec's own folder. */
  refRoot?: string;
}

const storage = new AsyncLocalStorage<RunContext>();

export function defaultRunContext(): RunContext {
  return { limits: { ...DEFAULT_SPEC_LIMITS }, allowRemoteRuleset: false, allowRemote: false };
}

export function withRunContext<T>(context: RunContext, task: () => T): T {
  return storage.run(context, task);
}

export function currentRunContext(): RunContext {
  return storage.getStore() ?? defaultRunContext();
}

/** The spec limits of the run under way; the defaults outside a run. */
export function currentSpecLimits(): SpecLimits {
  return currentRunContext().limits;
}
