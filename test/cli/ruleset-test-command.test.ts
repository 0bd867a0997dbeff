import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CUSTOM_FUNCTIONS, CUSTOM_RULESET, petsSpec } from '../helpers/custom-ruleset.js';
import { runCli, tempDir } from '../helpers/memory-io.js';

/** A test directory: the custom ruleset as .spectral.yaml, its functions, and the given cases. */
function suite(cases: Record<string, string>, rulesetName = '.spectral.yaml'): string {
  return tempDir({ [rulesetName]: CUSTOM_RULESET, ...CUSTOM_FUNCTIONS, ...cases });
}

const PASSING_CASES = {
  // The summary ends with a period: acme-summary-period would fire here if it ran too.
  'acme-owner/valid.yaml': petsSpec({ postOwner: true, getSummary: 'List pets.' }),
  'acme-owner/invalid.yaml': petsSpec(),
  'acme-owner/expected.txt': '# the post operation names no team\n\npaths./pets.post\n',
  'acme-owner/severity.yaml': petsSpec(),
  'acme-owner/severity.expected.yaml': 'findings:\n  - path: paths./pets.post\n    severity: warn\n    message: POST operation names no owning team.\n',
  'acme-summary-period/invalid.yaml': petsSpec({ getSummary: 'List pets.' }),
  'acme-summary-period/expected.txt': 'paths./pets.get.summary\n',
  'acme-tag-style/styles.yaml': petsSpec({ tags: ['pets', 'PETS'] }),
  'acme-tag-style/styles.expected.yaml': 'lower: [tags.1.name]\nupper: [tags.0.name]\n',
  'combined/two-rules.yaml': petsSpec({ getSummary: 'List pets.' }),
  'combined/two-rules.expected.yaml': [
    'rules: [acme-owner, acme-summary-period]',
    'findings:',
    '  - rule: acme-owner',
    '    path: [paths, /pets, post]',
    '  - rule: acme-summary-period',
    '    path: paths./pets.get.summary',
    '    severity: info',
    '',
  ].join('\n'),
  // A spec without an expectation that is not valid*: a file cases may $ref, not a case.
  'combined/shared-components.yaml': petsSpec(),
};

const PASSING_OUTPUT = [
  'PASS  acme-owner/invalid.yaml',
  'PASS  acme-owner/severity.yaml',
  'PASS  acme-owner/valid.yaml',
  'PASS  acme-summary-period/invalid.yaml',
  'PASS  acme-tag-style/styles.yaml [tagStyle: lower]',
  'PASS  acme-tag-style/styles.yaml [tagStyle: upper]',
  'PASS  combined/two-rules.yaml',
  '',
  '7 cases, 7 passed, 0 failed',
  '',
].join('\n');

describe('apigov ruleset test', () => {
  it('runs every case of a custom ruleset (YAML + JS functions) with only its rules, and exits 0 when all pass', async () => {
    const dir = suite(PASSING_CASES);
    const result = await runCli(['ruleset', 'test', '.'], dir);
    expect(result).toEqual({ code: 0, stdout: PASSING_OUTPUT, stderr: '' });
  });

  it('finds ruleset.yaml in the directory, or takes --ruleset relative to the working directory', async () => {
    const named = suite(PASSING_CASES, 'ruleset.yaml');
    expect(await runCli(['ruleset', 'test', named], '/')).toEqual({ code: 0, stdout: PASSING_OUTPUT, stderr: '' });

    const elsewhere = tempDir({ 'governance/acme.yaml': CUSTOM_RULESET, ...Object.fromEntries(Object.entries(CUSTOM_FUNCTIONS).map(([file, text]) => [`governance/${file}`, text])) });
    const cases = Object.fromEntries(Object.entries(PASSING_CASES).map(([file, text]) => [`cases/${file}`, text]));
    const dir = tempDir(cases);
    const result = await runCli(['ruleset', 'test', path.join(dir, 'cases'), '--ruleset', 'governance/acme.yaml'], elsewhere);
    expect(result).toEqual({ code: 0, stdout: PASSING_OUTPUT, stderr: '' });
  });

  it('shows each failing case with the expected findings missing (-) and the unexpected ones (+), and exits 1', async () => {
    const dir = suite({
      'acme-owner/valid.yaml': petsSpec(),
      'acme-owner/invalid.yaml': petsSpec(),
      'acme-owner/expected.txt': 'paths./pets.get\npaths./pets.post\n',
      'acme-owner/severity.yaml': petsSpec(),
      'acme-owner/severity.expected.yaml': '- path: paths./pets.post\n  severity: error\n',
      'acme-tag-style/styles.yaml': petsSpec({ tags: ['pets', 'PETS'] }),
      'acme-tag-style/styles.expected.yaml': 'lower: []\nupper: [tags.0.name]\n',
    });
    const result = await runCli(['ruleset', 'test', '.'], dir);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(
      [
        'FAIL  acme-owner/invalid.yaml',
        '      - paths./pets.get  acme-owner',
        'FAIL  acme-owner/severity.yaml',
        '      - paths./pets.post  acme-owner  error',
        '      + paths./pets.post  acme-owner  warn  POST operation names no owning team.',
        'FAIL  acme-owner/valid.yaml',
        '      + paths./pets.post  acme-owner  warn  POST operation names no owning team.',
        'FAIL  acme-tag-style/styles.yaml [tagStyle: lower]',
        '      + tags.1.name  acme-tag-style  warn  Tag "PETS" is not lower case.',
        'PASS  acme-tag-style/styles.yaml [tagStyle: upper]',
        '',
        '5 cases, 1 passed, 4 failed (- expected but not reported, + reported but not expected)',
        '',
      ].join('\n'),
    );
    expect(result.code).toBe(1);
  });

  it('tests a rule the ruleset switches off, at the severity its own definition gives', async () => {
    const dir = tempDir({
      'base.yaml': CUSTOM_RULESET,
      ...CUSTOM_FUNCTIONS,
      '.spectral.yaml': 'extends: [./base.yaml]\nrules:\n  acme-owner: off\n',
      'acme-owner/invalid.yaml': petsSpec(),
      'acme-owner/invalid.expected.yaml': '- path: paths./pets.post\n  severity: warn\n',
    });
    const result = await runCli(['ruleset', 'test', '.'], dir);
    expect(result).toEqual({ code: 0, stdout: 'PASS  acme-owner/invalid.yaml\n\n1 case, 1 passed, 0 failed\n', stderr: '' });
  });

  it('keeps other rules out even when file overrides keep them enabled in Spectral', async () => {
    const dir = tempDir({
      '.spectral.yaml': `${CUSTOM_RULESET}overrides:\n  - files: ['**/*.yaml']\n    rules:\n      acme-summary-period: error\n`,
      ...CUSTOM_FUNCTIONS,
      'acme-owner/valid.yaml': petsSpec({ postOwner: true, getSummary: 'List pets.' }),
      'acme-summary-period/invalid.yaml': petsSpec({ getSummary: 'List pets.' }),
      'acme-summary-period/invalid.expected.yaml': '- path: paths./pets.get.summary\n  severity: error\n',
    });
    const result = await runCli(['ruleset', 'test', '.'], dir);
    expect(result).toEqual({ code: 0, stdout: 'PASS  acme-owner/valid.yaml\nPASS  acme-summary-period/invalid.yaml\n\n2 cases, 2 passed, 0 failed\n', stderr: '' });
  });

  it('reports what is wrong with a case spec itself (an unresolvable $ref) as an unexpected finding', async () => {
    const spec = petsSpec({ postOwner: true }).replace("          description: The pets.\n", "          description: The pets.\n          content:\n            application/json:\n              schema: { $ref: '#/components/schemas/Pet' }\n");
    const dir = suite({ 'acme-owner/valid.yaml': spec });
    const result = await runCli(['ruleset', 'test', '.'], dir);
    expect(result.stdout).toBe(
      [
        'FAIL  acme-owner/valid.yaml',
        "      + paths./pets.get.responses.200.content.application/json.schema.$ref  invalid-ref  error  '#/components/schemas/Pet' does not exist",
        '',
        '1 case, 0 passed, 1 failed (- expected but not reported, + reported but not expected)',
        '',
      ].join('\n'),
    );
    expect(result.code).toBe(1);
  });
});

interface BadInput {
  name: string;
  cases: Record<string, string>;
  /** The whole of stderr, without the trailing newline; `<dir>` stands for the temp directory. */
  stderr: string;
  argv?: string[];
  /** Leave the custom ruleset out of the directory. */
  withoutRuleset?: boolean;
}

const BAD_INPUTS: BadInput[] = [
  { name: 'a missing directory', cases: {}, argv: ['ruleset', 'test', 'nope'], stderr: 'apigov: nope: directory not found' },
  {
    name: 'a directory without cases',
    cases: { 'README.md': 'notes' },
    stderr: 'apigov: .: no test cases (expected <rule-id>/valid.yaml, <rule-id>/invalid.yaml with expected.txt, or <rule-id>/<case>.yaml with <case>.expected.yaml)',
  },
  {
    name: 'a broken ruleset',
    cases: { '.spectral.yaml': CUSTOM_RULESET.replace('severity: info', 'severity: loud'), 'acme-owner/valid.yaml': petsSpec({ postOwner: true }) },
    stderr: 'apigov: <dir>/.spectral.yaml: rules.acme-summary-period.severity: the value has to be one of: 0, 1, 2, 3 or "error", "warn", "info", "hint", "off"',
  },
  {
    name: 'no ruleset in the directory',
    withoutRuleset: true,
    cases: { 'acme-owner/valid.yaml': petsSpec() },
    stderr:
      'apigov: .: no ruleset found (looked for .spectral.yaml, .spectral.yml, .spectral.json, .spectral.js, .spectral.mjs, ruleset.yaml, ruleset.yml, ruleset.json, ruleset.js, ruleset.mjs); name one with --ruleset',
  },
  {
    name: 'two rulesets in the directory',
    cases: { 'ruleset.yaml': CUSTOM_RULESET, 'acme-owner/valid.yaml': petsSpec() },
    stderr: 'apigov: .: several rulesets found (.spectral.yaml, ruleset.yaml); name one with --ruleset',
  },
  {
    name: 'an expectation file that is not YAML',
    cases: { 'acme-owner/a.yaml': petsSpec(), 'acme-owner/a.expected.yaml': 'findings:\n  - path: [paths, /pets\n' },
    stderr: 'apigov: acme-owner/a.expected.yaml:3:1: not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
  },
  {
    name: 'an unknown severity',
    cases: { 'acme-owner/a.yaml': petsSpec(), 'acme-owner/a.expected.yaml': 'findings:\n  - path: paths./pets.post\n    severity: fatal\n' },
    stderr: 'apigov: acme-owner/a.expected.yaml:3:15: severity must be one of error, warn, info, hint',
  },
  {
    name: 'an unknown key in a finding',
    cases: { 'acme-owner/a.yaml': petsSpec(), 'acme-owner/a.expected.yaml': '- pth: paths./pets.post\n' },
    stderr: 'apigov: acme-owner/a.expected.yaml:1:3: unknown key "pth" in a finding (expected rule, path, severity, message)',
  },
  {
    name: 'a folder named after no rule',
    cases: { 'acme-ownr/valid.yaml': petsSpec() },
    stderr: 'apigov: acme-ownr: no rule "acme-ownr" in the ruleset (name the folder after a rule id, or list the rules to run under rules: in a <case>.expected.yaml)',
  },
  {
    name: 'an expectation naming a rule the ruleset lacks',
    cases: { 'combined/a.yaml': petsSpec(), 'combined/a.expected.yaml': 'rules: [acme-owner, acme-nope]\nfindings: []\n' },
    stderr: 'apigov: combined/a.expected.yaml:1:21: no rule "acme-nope" in the ruleset',
  },
  {
    name: 'an empty rules list',
    cases: { 'acme-owner/a.yaml': petsSpec(), 'acme-owner/a.expected.yaml': 'rules: []\nfindings: []\n' },
    stderr: 'apigov: acme-owner/a.expected.yaml:1:8: rules lists no rule (leave it out to run the rule the folder is named after)',
  },
  {
    name: 'a finding without its rule in a case running two rules',
    cases: { 'combined/a.yaml': petsSpec(), 'combined/a.expected.yaml': 'rules: [acme-owner, acme-summary-period]\nfindings:\n  - paths./pets.post\n' },
    stderr: 'apigov: combined/a.expected.yaml:3:5: say which rule reports this finding (rule:), since the case runs acme-owner, acme-summary-period',
  },
  {
    name: 'an option table for a rule without x-apigov-option',
    cases: { 'acme-owner/a.yaml': petsSpec(), 'acme-owner/a.expected.yaml': 'camel: []\n' },
    stderr: 'apigov: acme-owner/a.expected.yaml:1:1: expected findings, rules or options keys (a table keyed by option value needs a rule that declares x-apigov-option, and acme-owner does not)',
  },
  {
    name: 'an expectation without its spec',
    cases: { 'acme-owner/valid.yaml': petsSpec(), 'acme-owner/other.expected.txt': 'paths./pets\n' },
    stderr: 'apigov: acme-owner/other.expected.txt: no spec other.yaml beside this expectation file',
  },
  {
    name: 'a case spec that is not YAML',
    cases: { 'acme-owner/valid.yaml': 'openapi: 3.0.3\ninfo: {title: x\n' },
    stderr: 'apigov: acme-owner/valid.yaml:3:1: not valid YAML or JSON: Unexpected end of the stream within a flow collection',
  },
];

describe('apigov ruleset test, bad input', () => {
  it.each(BAD_INPUTS.map((bad) => [bad.name, bad] as const))('%s: one line on stderr, nothing on stdout, exit 2', async (_name, bad) => {
    const dir = tempDir({ ...(bad.withoutRuleset ? {} : { '.spectral.yaml': CUSTOM_RULESET }), ...CUSTOM_FUNCTIONS, ...bad.cases });
    const result = await runCli(bad.argv ?? ['ruleset', 'test', '.'], dir);
    expect(result.stderr).toBe(`${bad.stderr.replace('<dir>', dir)}\n`);
    expect(result.stdout).toBe('');
    expect(result.code).toBe(2);
  });
});
