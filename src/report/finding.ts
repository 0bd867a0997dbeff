/** 0 error, 1 warn, 2 info, 3 hint — Spectral's DiagnosticSeverity numbers. */
export type Severity = 0 | 1 | 2 | 3;

export const SEVERITY_NAMES = ['error', 'warn', 'info', 'hint'] as const;
export type SeverityName = (typeof SEVERITY_NAMES)[number];

export interface Position {
  /** 0-based, as in Spectral's JSON output. */
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** One result of any engine; formatters never know which engine produced it. */
export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  /** File the finding points into (absolute path or URL). */
  source: string;
  /** Path in the parsed document, as Spectral reports it. */
  path: (string | number)[];
  range?: Range;
  origin: 'lint' | 'diff';
}

/** A file the run could not process: it still appears in the report, and makes the exit code 2. */
export interface FileFailure {
  source: string;
  message: string;
}

/**
 * Why a result is known but not counted, as machine reports record it (SARIF `suppressions`,
 * which code scanning shows as dismissed): a config waiver, an inline `x-apigov-ignore`, or the
 * baseline.
 */
export interface Suppression {
  kind: 'waiver' | 'inline' | 'baseline';
  justification: string;
  owner?: string;
  expires?: string;
  /** `apigov.yaml waivers[2]`, or the pointer of the `x-apigov-ignore` key. */
  declaredAt?: string;
}

export interface SuppressedFinding {
  finding: Finding;
  suppression: Suppression;
}

export interface Report {
  findings: Finding[];
  /** Waived and baselined findings, for formats that show them as suppressed; not in `findings`. */
  suppressed?: SuppressedFinding[];
  failures: FileFailure[];
  /** Files that were processed, for formatters that list clean files too. */
  sources: string[];
  /** How many of them came from the result cache. */
  cached?: number;
  /**
   * One-sentence description of each rule id that appears in `findings`, taken from the ruleset
   * the run used, so formatters (SARIF rule descriptors, HTML) can describe rules without
   * loading rulesets themselves. Absent for rules without a description.
   */
  ruleDescriptions?: Readonly<Record<string, string>>;
}

export function severityFromName(name: string): Severity | undefined {
  const index = SEVERITY_NAMES.indexOf(name as SeverityName);
  return index === -1 ? undefined : (index as Severity);
}
