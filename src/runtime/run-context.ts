import { AsyncLocalStorage } from 'node:async_hooks';
import { UsageError } from '../errors.js';
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
  /** Origins of the URLs named on the command line: fetched wherever they resolve, unlike a `$ref`'s or a redirect's. */
  trustedOrigins: string[];
  /** Time limit of one remote document, redirects included (APIGOV_FETCH_TIMEOUT, seconds). */
  fetchTimeoutMs: number;
}

export const FETCH_TIMEOUT_VARIABLE = 'APIGOV_FETCH_TIMEOUT';
const DEFAULT_FETCH_TIMEOUT_MS = 15_000;

/** The per-document fetch time limit: 15 s, or APIGOV_FETCH_TIMEOUT seconds (a machine's policy, like the size cap). */
export function fetchTimeoutFromEnv(env: Record<string, string | undefined>): number {
  const raw = env[FETCH_TIMEOUT_VARIABLE];
  if (raw === undefined || raw.trim() === '') return DEFAULT_FETCH_TIMEOUT_MS;
  const seconds = Number(raw.trim());
  if (!Number.isFinite(seconds) || seconds <= 0) throw new UsageError(`${FETCH_TIMEOUT_VARIABLE}: must be a number of seconds above 0 (got "${raw}")`);
  return Math.round(seconds * 1000);
}

// Made on first use, not as the module loads: the module is in the start-up snapshot, and an
// AsyncLocalStorage made while the snapshot is built would carry the builder's async state.
let storage: AsyncLocalStorage<RunContext> | undefined;
const contexts = (): AsyncLocalStorage<RunContext> => (storage ??= new AsyncLocalStorage<RunContext>());

export function defaultRunContext(): RunContext {
  return { limits: { ...DEFAULT_SPEC_LIMITS }, allowRemoteRuleset: false, allowRemote: false, trustedOrigins: [], fetchTimeoutMs: DEFAULT_FETCH_TIMEOUT_MS };
}

export function withRunContext<T>(context: RunContext, task: () => T): T {
  return contexts().run(context, task);
}

export function currentRunContext(): RunContext {
  return storage?.getStore() ?? defaultRunContext();
}

/** The spec limits of the run under way; the defaults outside a run. */
export function currentSpecLimits(): SpecLimits {
  return currentRunContext().limits;
}
