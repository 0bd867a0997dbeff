import type { ApigovConfig, DiffLevel } from '../config/types.js';
import { applyPolicy, policyFor, type EffectivePolicy } from '../check/diff-policy.js';
import { allCheckIds } from '../diff/registry.js';
import { withChanges, type DiffReport } from '../diff/report.js';
import type { Finding } from '../report/finding.js';
import { suppressionOf } from '../waivers/suppression.js';
import { govern } from './govern.js';
import { scopeWaivers } from './scope-waivers.js';

export interface DiffGovernanceOptions {
  config?: ApigovConfig;
  /** --profile */
  profile?: string;
  /** --fail-on: wins over the policy's level. */
  failOn?: DiffLevel;
  today: string;
}

export interface GovernedDiff {
  /** Counted changes only, at their policy levels; waived ones in `suppressed`. */
  report: DiffReport;
  policy: EffectivePolicy;
  /** `apigov-waiver-expired` findings (in apigov.yaml) of waivers that could have applied to this diff. */
  expired: Finding[];
}

/**
 * The diff policy and waivers of apigov.yaml applied to one `apigov diff`, by the code `check`
 * uses: the profile for the revision's file (or --profile), its levels and `off`, then the config
 * waivers that name a diff check id and may apply to that file. The revision's file is "the spec"
 * for profile and waiver `specs` globs. Unused waivers are not reported: a diff sees one pair of
 * versions, so a waiver for a change it does not contain is not stale.
 */
export async function governDiff(raw: DiffReport, options: DiffGovernanceOptions): Promise<GovernedDiff> {
  const spec = raw.revisionLocation ?? raw.revision;
  const policy = await policyFor(spec, options.config, options.profile);
  if (options.failOn) policy.failOn = options.failOn;
  const changes = applyPolicy(raw.changes, policy).map((change) => ({ change, source: spec }));
  const checkIds = new Set(allCheckIds().map((c) => c.id));
  const waivers = (await scopeWaivers(options.config)).filter(({ waiver, files }) => checkIds.has(waiver.rule) && (!files || files.has(spec)));
  const result = govern({ findings: [], changes, config: options.config, waivers, inline: [], today: options.today, files: [], inScope: () => false });
  const counted = result.changes.filter((c) => c.status === 'new').map((c) => c.change);
  const suppressed = result.changes.filter((c) => c.waiver).map((c) => ({ change: c.change, suppression: suppressionOf(c.waiver!) }));
  return { report: { ...withChanges(raw, counted), suppressed }, policy, expired: result.findings.map((j) => j.finding) };
}
