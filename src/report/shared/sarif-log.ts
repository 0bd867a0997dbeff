import type { Range, SeverityName, Suppression } from '../finding.js';
import { VERSION } from '../../version.js';
import { absoluteUri, directoryUri, relativeToCwd, relativeUri } from './artifact-path.js';
import { fingerprinter } from './fingerprint.js';

/** Where users learn about the tool; SARIF viewers link it from the tool name. */
export const INFORMATION_URI = 'https://www.npmjs.com/package/apigov';
const SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
/** Fingerprint key; bump the version if what is hashed ever changes, so old alerts are not mismatched. */
const FINGERPRINT_KEY = 'apigov/v1';
const SRCROOT = '%SRCROOT%';
const LEVEL: Record<SeverityName, 'error' | 'warning' | 'note'> = { error: 'error', warn: 'warning', info: 'note', hint: 'note' };

export interface SarifRule {
  id: string;
  description?: string;
  /** The level the rule reports at, when it has one level (diff checks). */
  level?: SeverityName;
}

/** One result, in terms both engines can fill. */
export interface SarifResultInput {
  ruleId: string;
  severity: SeverityName;
  message: string;
  /** Absolute file path or URL, when the result points into a known file. */
  source?: string;
  range?: Range;
  /** RFC 6901 pointer into the description ('' for the root). */
  pointer: string;
  operation?: string;
  /** What makes the result the same result across runs (never line numbers). */
  identity: string[];
  /** Why a known result does not count (waived, baselined): recorded, not dropped, so dashboards show it dismissed. */
  suppression?: Suppression;
}

export interface SarifInput {
  cwd: string;
  rules: SarifRule[];
  results: SarifResultInput[];
  failures: Array<{ source: string; message: string }>;
  properties?: Record<string, unknown>;
}

function artifactLocation(source: string, cwd: string) {
  const relative = relativeToCwd(source, cwd);
  return relative === undefined ? { uri: absoluteUri(source) } : { uri: relativeUri(relative), uriBaseId: SRCROOT };
}

/**
 * Our ranges are 0-based (Spectral's); SARIF counts lines and columns from 1, end column exclusive.
 * An empty range (a diff change knows only where its object starts) is a start position alone.
 */
function region(range: Range) {
  const start = { startLine: range.start.line + 1, startColumn: range.start.character + 1 };
  const empty = range.end.line === range.start.line && range.end.character === range.start.character;
  return empty ? start : { ...start, endLine: range.end.line + 1, endColumn: range.end.character + 1 };
}

function logicalLocations(result: SarifResultInput) {
  const locations: object[] = [];
  if (result.pointer !== '') locations.push({ fullyQualifiedName: result.pointer });
  // SARIF has no "API operation" kind; "function" is its name for a callable unit, which an operation is.
  if (result.operation) locations.push({ name: result.operation, fullyQualifiedName: result.operation, kind: 'function' });
  return locations;
}

function location(result: SarifResultInput, cwd: string) {
  const logical = logicalLocations(result);
  const physical = result.source === undefined ? undefined : { artifactLocation: artifactLocation(result.source, cwd), ...(result.range ? { region: region(result.range) } : {}) };
  return { ...(physical ? { physicalLocation: physical } : {}), ...(logical.length > 0 ? { logicalLocations: logical } : {}) };
}

/**
 * SARIF's suppression for a waived or baselined result. An inline `x-apigov-ignore` sits in the
 * analysed file (`inSource`); config waivers and the baseline live outside it (`external`). All are
 * `accepted`: a person decided, with a reason, owner and expiry for waivers.
 */
function suppressionOf(suppression: Suppression) {
  const properties = { ...(suppression.owner ? { owner: suppression.owner } : {}), ...(suppression.expires ? { expires: suppression.expires } : {}), ...(suppression.declaredAt ? { declaredAt: suppression.declaredAt } : {}) };
  return {
    kind: suppression.kind === 'inline' ? 'inSource' : 'external',
    status: 'accepted',
    justification: suppression.justification,
    ...(Object.keys(properties).length > 0 ? { properties } : {}),
  };
}

function ruleDescriptor(rule: SarifRule) {
  return {
    id: rule.id,
    ...(rule.description ? { shortDescription: { text: rule.description } } : {}),
    ...(rule.level ? { defaultConfiguration: { level: LEVEL[rule.level] } } : {}),
  };
}

/**
 * A SARIF 2.1.0 log with one run. Paths inside the working directory are relative to
 * %SRCROOT% (declared as the working directory), which is what code-scanning uploads expect.
 */
export function sarifLog(input: SarifInput): string {
  const rules = [...input.rules].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const fingerprint = fingerprinter();
  const results = input.results.map((result) => ({
    ruleId: result.ruleId,
    ruleIndex: ruleIndex.get(result.ruleId),
    level: LEVEL[result.severity],
    message: { text: result.message },
    locations: [location(result, input.cwd)],
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprint([result.ruleId, ...result.identity]) },
    ...(result.suppression ? { suppressions: [suppressionOf(result.suppression)] } : {}),
  }));
  const notifications = input.failures.map((failure) => ({
    level: 'error',
    message: { text: failure.message },
    locations: [{ physicalLocation: { artifactLocation: artifactLocation(failure.source, input.cwd) } }],
  }));
  const invocation = { executionSuccessful: input.failures.length === 0, ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}) };
  const run = {
    tool: { driver: { name: 'apigov', version: VERSION, informationUri: INFORMATION_URI, rules: rules.map(ruleDescriptor) } },
    originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(input.cwd) } },
    invocations: [invocation],
    columnKind: 'utf16CodeUnits',
    results,
    ...(input.properties ? { properties: input.properties } : {}),
  };
  return `${JSON.stringify({ $schema: SCHEMA_URI, version: '2.1.0', runs: [run] }, null, 2)}\n`;
}
