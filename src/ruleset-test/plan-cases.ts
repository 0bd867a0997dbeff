import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { RuleLookup } from '../lint/lint-only-rules.js';
import type { DiscoveredCase } from './discover-cases.js';
import { RulesetTestError, type Expectation, type ExpectedFinding } from './expectation.js';
import { parseExpectationText } from './parse-expectation-text.js';
import { parseExpectationYaml } from './parse-expectation-yaml.js';

/** One run of the engine: a spec, the rules that run, and every finding they must report. */
export interface TestCase {
  /** The spec's path inside the test directory, e.g. acme-owner/invalid.yaml. */
  name: string;
  /** Set for option-table cases: `casing: snake`. */
  variant?: string;
  spec: string;
  rules: string[];
  options: Record<string, string>;
  findings: Array<ExpectedFinding & { rule: string }>;
}

function readExpectation(file: string, displayName: string): Expectation {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new RulesetTestError(`${displayName}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return file.endsWith('.txt') ? parseExpectationText(text, displayName) : parseExpectationYaml(text, displayName);
}

function rulesOf(found: DiscoveredCase, expectation: Expectation, rules: RuleLookup, display: (file: string) => string): string[] {
  if (expectation.rules) {
    for (const rule of expectation.rules) if (!rules.has(rule.id)) throw new RulesetTestError(`${rule.at}: no rule "${rule.id}" in the ruleset`);
    return expectation.rules.map((rule) => rule.id);
  }
  if (!rules.has(found.folder)) {
    const file = found.expectation ? display(found.expectation) : display(path.dirname(found.spec));
    throw new RulesetTestError(`${file}: no rule "${found.folder}" in the ruleset (name the folder after a rule id, or list the rules to run under rules: in a <case>.expected.yaml)`);
  }
  return [found.folder];
}

function withRules(findings: ExpectedFinding[], rules: string[]): TestCase['findings'] {
  return findings.map((finding) => {
    if (finding.rule === undefined && rules.length > 1) throw new RulesetTestError(`${finding.at}: say which rule reports this finding (rule:), since the case runs ${rules.join(', ')}`);
    const rule = finding.rule ?? rules[0]!;
    if (!rules.includes(rule)) throw new RulesetTestError(`${finding.at}: rule "${rule}" does not run in this case (it runs ${rules.join(', ')})`);
    return { ...finding, rule };
  });
}

/** Reads every expectation and checks it against the ruleset, so a broken one stops the run before any case runs. */
export function planCases(dir: string, discovered: DiscoveredCase[], rules: RuleLookup, display: (file: string) => string): TestCase[] {
  return discovered.flatMap((found) => {
    const expectation: Expectation = found.expectation ? readExpectation(found.expectation, display(found.expectation)) : { at: '', options: {}, findings: [] };
    const ruleIds = rulesOf(found, expectation, rules, display);
    const base = { name: path.relative(dir, found.spec), spec: found.spec, rules: ruleIds };
    if (!expectation.perOptionValue) return [{ ...base, options: expectation.options, findings: withRules(expectation.findings, ruleIds) }];
    const option = rules.optionOf(ruleIds[0]!);
    if (option === undefined) {
      throw new RulesetTestError(`${expectation.at}: expected findings, rules or options keys (a table keyed by option value needs a rule that declares x-apigov-option, and ${ruleIds[0]} does not)`);
    }
    return expectation.perOptionValue.map(({ value, findings }) => ({
      ...base,
      variant: `${option}: ${value}`,
      options: { [option]: value },
      findings: withRules(findings, ruleIds),
    }));
  });
}
