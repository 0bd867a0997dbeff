import type { SeverityName } from '../finding.js';
import { fingerprinter } from './fingerprint.js';

/**
 * GitLab's Code Quality severities. One table for lint and diff (diff levels share lint's names):
 * an error, a breaking change included, is `major`; `critical` and `blocker` are left for what
 * stops the run itself (a file apigov could not process), so the widget still ranks it first.
 */
const SEVERITY: Record<SeverityName, 'info' | 'minor' | 'major'> = { error: 'major', warn: 'minor', info: 'info', hint: 'info' };

/** One entry, in terms both engines can fill. */
export interface CodeQualityInput {
  checkName: string;
  severity: SeverityName | 'blocker';
  description: string;
  /** Repository-relative path (apigov runs from the repository root in CI), else as known. */
  path: string;
  /** 1-based; GitLab requires a line, so an entry without a position is on line 1. */
  line?: number;
  /** What makes the entry the same across runs (never line numbers): GitLab matches base and head by fingerprint. */
  identity: string[];
}

/**
 * GitLab Code Quality JSON (artifacts:reports:codequality): an array of {description, check_name,
 * fingerprint, severity, location: {path, lines: {begin}}}. Fingerprints are unique within the
 * report (a repeated identity gets `:2`, `:3`...), as GitLab requires.
 */
export function codeQualityReport(entries: readonly CodeQualityInput[]): string {
  const fingerprint = fingerprinter();
  const issues = entries.map((entry) => ({
    description: entry.description,
    check_name: entry.checkName,
    fingerprint: fingerprint([entry.checkName, ...entry.identity]),
    severity: entry.severity === 'blocker' ? 'blocker' : SEVERITY[entry.severity],
    location: { path: entry.path, lines: { begin: entry.line ?? 1 } },
  }));
  return `${JSON.stringify(issues, null, 2)}\n`;
}
