import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { RulesetTestError } from './expectation.js';

/** A spec file in `<dir>/<folder>/` that is a test case, with its expectation file if it has one. */
export interface DiscoveredCase {
  /** The folder's name: the rule the case tests unless its expectation names others. */
  folder: string;
  spec: string;
  /** Absent for `valid*` specs, which expect no findings. */
  expectation?: string;
}

const SPEC_EXTENSIONS = ['.yaml', '.yml', '.json'];
const EXPECTATION_SUFFIXES = ['.expected.yaml', '.expected.yml', '.expected.txt'];
// `invalid.yaml` + `expected.txt` is the layout of this repository's own house-rule fixtures.
const INVALID_EXPECTATIONS = ['expected.yaml', 'expected.yml', 'expected.txt'];
const EXPECTS_NOTHING = /^valid([-_.].*)?$/;

function caseBase(file: string): string | undefined {
  if (INVALID_EXPECTATIONS.includes(file)) return undefined;
  if (EXPECTATION_SUFFIXES.some((suffix) => file.endsWith(suffix))) return undefined;
  const extension = SPEC_EXTENSIONS.find((ext) => file.endsWith(ext));
  return extension ? file.slice(0, -extension.length) : undefined;
}

function expectationBase(file: string): string | undefined {
  if (INVALID_EXPECTATIONS.includes(file)) return 'invalid';
  const suffix = EXPECTATION_SUFFIXES.find((s) => file.endsWith(s));
  return suffix ? file.slice(0, -suffix.length) : undefined;
}

function casesInFolder(dir: string, folder: string, display: (file: string) => string): DiscoveredCase[] {
  const files = readdirSync(path.join(dir, folder)).sort();
  const specs = new Map<string, string>();
  for (const file of files) {
    const base = caseBase(file);
    if (base === undefined) continue;
    if (specs.has(base)) throw new RulesetTestError(`${display(path.join(dir, folder, file))}: two specs for case "${base}" (${specs.get(base)} and ${file})`);
    specs.set(base, file);
  }
  const expectations = new Map<string, string>();
  for (const file of files) {
    const base = expectationBase(file);
    if (base === undefined) continue;
    const where = display(path.join(dir, folder, file));
    if (!specs.has(base)) throw new RulesetTestError(`${where}: no spec ${base}.yaml beside this expectation file`);
    if (expectations.has(base)) throw new RulesetTestError(`${where}: case "${base}" already has the expectation file ${expectations.get(base)}`);
    expectations.set(base, file);
  }
  // Other specs without expectations are not cases: they may be files the cases $ref.
  return [...specs]
    .filter(([base]) => expectations.has(base) || EXPECTS_NOTHING.test(base))
    .map(([base, file]) => ({
      folder,
      spec: path.join(dir, folder, file),
      expectation: expectations.has(base) ? path.join(dir, folder, expectations.get(base)!) : undefined,
    }));
}

/**
 * Finds the cases of `<dir>/<rule-id>/`: `valid*.yaml` expects no finding, `invalid.yaml`
 * expects what `expected.txt` lists, any `<case>.yaml` expects what `<case>.expected.txt|yaml`
 * lists. Folders without cases (functions/, the ruleset's own rule files) are skipped.
 */
export function discoverCases(dir: string, display: (file: string) => string): DiscoveredCase[] {
  if (!existsSync(dir)) throw new RulesetTestError(`${display(dir)}: directory not found`);
  if (!statSync(dir).isDirectory()) throw new RulesetTestError(`${display(dir)}: not a directory`);
  const folders = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules')
    .map((entry) => entry.name)
    .sort();
  const cases = folders.flatMap((folder) => casesInFolder(dir, folder, display));
  if (cases.length === 0) throw new RulesetTestError(`${display(dir)}: no test cases (expected <rule-id>/valid.yaml, <rule-id>/invalid.yaml with expected.txt, or <rule-id>/<case>.yaml with <case>.expected.yaml)`);
  return cases;
}
