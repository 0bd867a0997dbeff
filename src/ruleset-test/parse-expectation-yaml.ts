import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';
import { where } from '../errors.js';
import { SEVERITY_NAMES, type SeverityName } from '../report/finding.js';
import { describeYamlError } from '../yaml-error.js';
import { RulesetTestError, type Expectation, type ExpectedFinding } from './expectation.js';

const TOP_LEVEL_KEYS = ['rules', 'options', 'findings'];
const FINDING_KEYS = ['rule', 'path', 'severity', 'message'];

/** Turns node positions into `file:line:col` and problems into RulesetTestErrors. */
class Locator {
  constructor(private readonly displayName: string, private readonly lines: LineCounter) {}

  at(node: unknown): string {
    const offset = (node as Node | null | undefined)?.range?.[0];
    if (typeof offset !== 'number') return where(this.displayName, 1, 1);
    const { line, col } = this.lines.linePos(offset);
    return where(this.displayName, line, col);
  }

  fail(node: unknown, problem: string): never {
    throw new RulesetTestError(`${this.at(node)}: ${problem}`);
  }
}

function keyOf(pair: Pair, locate: Locator): string {
  if (!isScalar(pair.key) || typeof pair.key.value !== 'string') locate.fail(pair.key, 'keys must be plain strings');
  return pair.key.value;
}

function stringValue(node: unknown, locate: Locator, what: string): string {
  if (isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number')) return String(node.value);
  return locate.fail(node, `${what} must be a string`);
}

function pathValue(node: unknown, locate: Locator): string {
  // A list of segments spares quoting keys that hold dots; it is compared joined, like a string.
  if (isSeq(node)) return node.items.map((item) => stringValue(item, locate, 'a path segment')).join('.');
  return stringValue(node, locate, 'path');
}

function parseFinding(node: unknown, locate: Locator): ExpectedFinding {
  const at = locate.at(node);
  if (isScalar(node)) return { path: stringValue(node, locate, 'a finding'), at };
  if (!isMap(node)) return locate.fail(node, 'a finding is a path, or a mapping with rule, path, severity, message');
  const finding: Partial<ExpectedFinding> = { at };
  for (const pair of node.items) {
    const key = keyOf(pair, locate);
    if (key === 'path') finding.path = pathValue(pair.value, locate);
    else if (key === 'rule') finding.rule = stringValue(pair.value, locate, 'rule');
    else if (key === 'message') finding.message = stringValue(pair.value, locate, 'message');
    else if (key === 'severity') {
      const severity = stringValue(pair.value, locate, 'severity');
      if (!(SEVERITY_NAMES as readonly string[]).includes(severity)) locate.fail(pair.value, `severity must be one of ${SEVERITY_NAMES.join(', ')}`);
      finding.severity = severity as SeverityName;
    } else locate.fail(pair.key, `unknown key "${key}" in a finding (expected ${FINDING_KEYS.join(', ')})`);
  }
  if (finding.path === undefined) locate.fail(node, 'a finding needs a path');
  return finding as ExpectedFinding;
}

function parseFindings(node: unknown, locate: Locator): ExpectedFinding[] {
  if (node === null || node === undefined || (isScalar(node) && node.value === null)) return [];
  if (!isSeq(node)) return locate.fail(node, 'expected a list of findings');
  return node.items.map((item) => parseFinding(item, locate));
}

function parseRules(node: unknown, locate: Locator): Array<{ id: string; at: string }> {
  const items = isSeq(node) ? node.items : [node];
  if (items.length === 0) locate.fail(node, 'rules lists no rule (leave it out to run the rule the folder is named after)');
  return items.map((item) => ({ id: stringValue(item, locate, 'a rule id'), at: locate.at(item) }));
}

function parseOptions(node: unknown, locate: Locator): Record<string, string> {
  if (!isMap(node)) return locate.fail(node, 'options must be a mapping of option name to value');
  return Object.fromEntries(node.items.map((pair) => [keyOf(pair, locate), stringValue(pair.value, locate, `options.${keyOf(pair, locate)}`)]));
}

function parseMapping(root: YAMLMap, locate: Locator, base: Expectation): Expectation {
  const keys = root.items.map((pair) => keyOf(pair, locate));
  if (!keys.some((key) => TOP_LEVEL_KEYS.includes(key))) {
    // The option-table form: each key is a value of the rule's x-apigov-option.
    const perOptionValue = root.items.map((pair) => ({ value: keyOf(pair, locate), findings: parseFindings(pair.value, locate) }));
    return { ...base, perOptionValue };
  }
  const expectation = { ...base };
  for (const pair of root.items) {
    const key = keyOf(pair, locate);
    if (key === 'findings') expectation.findings = parseFindings(pair.value, locate);
    else if (key === 'rules') expectation.rules = parseRules(pair.value, locate);
    else if (key === 'options') expectation.options = parseOptions(pair.value, locate);
    else locate.fail(pair.key, `unknown key "${key}" (expected ${TOP_LEVEL_KEYS.join(', ')})`);
  }
  return expectation;
}

/**
 * `<case>.expected.yaml`: a list of findings, or a mapping with `findings` (and optionally
 * `rules` to run and house `options`), or — for a rule declaring `x-apigov-option` — a table
 * from each option value to its findings. A finding is a path or {rule, path, severity, message}.
 */
export function parseExpectationYaml(text: string, displayName: string): Expectation {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, uniqueKeys: true });
  const locate = new Locator(displayName, lines);
  const error = document.errors[0];
  if (error) throw new RulesetTestError(describeYamlError(displayName, error, 'not valid YAML'));
  const base: Expectation = { at: where(displayName, 1, 1), options: {}, findings: [] };
  const root = document.contents;
  if (root === null || (isScalar(root) && root.value === null)) return base;
  if (isSeq(root)) return { ...base, findings: parseFindings(root, locate) };
  if (isMap(root)) return parseMapping(root, locate, base);
  return locate.fail(root, 'expected a list of findings, or a mapping with findings (and rules, options)');
}
