import { SpecLoadError } from '../errors.js';
import { findDanglingRef } from './check-refs.js';
import { loadSide, type Side } from './load-side.js';
import { buildModel } from './normalize.js';
import { buildDiffReport, type DiffReport } from './report.js';
import { locateChanges } from './locate-changes.js';
import { diffModels } from './run-diff.js';
import { beginActivity, endActivity, setActivityDetail } from '../runtime/activity.js';

async function modelOf(side: Side, argument: string, cwd: string, allowRemote: boolean) {
  beginActivity(argument);
  setActivityDetail(`reading the ${side}`);
  const loaded = await loadSide(side, argument, cwd, allowRemote);
  const model = buildModel(loaded.spec.format, loaded.source);
  const dangling = findDanglingRef(loaded.source.data, model.refs);
  if (dangling) {
    const problem = loaded.refProblem(dangling.ref);
    throw new SpecLoadError(`${side}: ${loaded.label}: $ref "${dangling.ref}" at ${dangling.at} cannot be resolved${problem ? `: ${problem}` : ''}`);
  }
  return { model, label: loaded.label, location: loaded.source.location, text: loaded.text };
}

export interface DiffOptions {
  cwd: string;
  allowRemote: boolean;
  /** YYYY-MM-DD that sunset dates are judged against. */
  today: string;
  /** Give changes line positions in the revision (an extra parse; for formats that show them). */
  locate?: boolean;
}

/** Loads both sides, compares them with every check, and judges the version bump. */
export async function runDiff(baseArgument: string, revisionArgument: string, options: DiffOptions): Promise<DiffReport> {
  const base = await modelOf('base', baseArgument, options.cwd, options.allowRemote);
  const revision = await modelOf('revision', revisionArgument, options.cwd, options.allowRemote);
  beginActivity(revision.label);
  setActivityDetail(`comparing it with ${base.label}`);
  const found = diffModels(base.model, revision.model, options.today);
  const changes = options.locate ? locateChanges(found, revision.text) : found;
  endActivity();
  return buildDiffReport({ label: base.label, version: base.model.version }, { label: revision.label, version: revision.model.version, location: revision.location }, changes);
}
