import { readBaseline, serializeBaseline, type Baseline } from '../baseline/baseline-file.js';
import { baselinePath } from '../baseline/baseline-path.js';
import type { ApigovConfig } from '../config/types.js';
import type { Finding, Report } from '../report/finding.js';
import { readInlineIgnores } from '../waivers/inline-ignores.js';
import { isWaiverFinding } from '../waivers/waiver-findings.js';
import { govern, type GovernanceResult, type SpecChange } from './govern.js';
import { scopeWaivers, waiverScopeCheck } from './scope-waivers.js';

export interface GovernRunOptions {
  config?: ApigovConfig;
  cwd: string;
  today: string;
  /** --baseline */
  baselineFlag?: string;
  updateBaseline: boolean;
  /** No spec arguments: the run linted the config's specs. */
  usedConfigSpecs: boolean;
  changes?: readonly SpecChange[];
  isJudged?: (finding: Finding) => boolean;
  /** The files findings point into, when the report's findings are not in memory (a spooled lint report). */
  findingSources?: readonly string[];
}

export interface GovernedRun {
  result: GovernanceResult;
  baseline: Baseline;
  /** With --update-baseline: the new file's text and how many entries it dropped. */
  update?: { text: string; entries: number; added: number; removed: number };
  /**
   * No waiver, inline ignore, baseline entry or judgement applies: every lint finding is new, in
   * report order, and nothing is added, so a report can be streamed past governance unchanged.
   */
  excusesNothing: boolean;
}

/**
 * Waivers, baseline and (for check) judgement over one lint report. With --update-baseline the
 * baseline becomes this run's unwaived findings (other files' entries kept) and the run is judged
 * against it, so the update run itself passes unless something is wrong beyond debt.
 */
export async function governRun(report: Report, options: GovernRunOptions): Promise<GovernedRun> {
  const waivers = await scopeWaivers(options.config);
  const inline = await readInlineIgnores([...report.sources, ...(options.findingSources ?? report.findings.map((f) => f.source))]);
  let baseline = await readBaseline(baselinePath(options.baselineFlag, options.config, options.cwd));
  const excusesNothing = waivers.length === 0 && inline.length === 0 && baseline.entries.length === 0 && !options.updateBaseline && !options.isJudged;
  const judge = () =>
    govern({
      findings: report.findings,
      changes: options.changes,
      config: options.config,
      waivers,
      inline,
      today: options.today,
      baseline,
      files: report.sources,
      inScope: waiverScopeCheck(report.sources, options.usedConfigSpecs),
      isJudged: options.isJudged,
    });
  let result = judge();
  if (!options.updateBaseline) return { result, baseline, excusesNothing };
  const removed = result.fixedBaseline.length;
  const added = result.findings.filter((j) => (j.status === 'new' || j.status === 'not-judged') && !isWaiverFinding(j.finding)).length;
  baseline = { file: baseline.file, entries: result.nextBaseline() };
  result = judge();
  return { result, baseline, excusesNothing, update: { text: serializeBaseline(baseline.entries), entries: baseline.entries.length, added, removed } };
}
