import { describe, expect, it } from 'vitest';
import { gitRepo } from '../helpers/git.js';
import { runCli, tempDir } from '../helpers/memory-io.js';

/**
 * A user's ruleset that fails on a spec — a JSONPath filter or a custom function that throws, an
 * async function that rejects — fails that file with one line naming the rule, the file and the
 * place (exit 2), and the run goes on with the other files.
 */

const spec = (extra = '') => `openapi: 3.0.3
info: {title: T, version: 1.0.0}
paths:
  /a:
    get:
${extra}      x: {y: null}
      responses:
        '200': {description: ok}
`;

const FUNCTIONS = {
  // Throws on an operation marked x-boom, and only there.
  'functions/picky.js': "export default (operation) => { if (operation['x-boom']) throw new Error('picky cannot judge x-boom'); return [{ message: 'seen' }]; };\n",
  'functions/later.js': "export default async (operation) => { await new Promise((resolve) => setTimeout(resolve, 1)); if (operation['x-boom']) throw new Error('later failed'); };\n",
};

const ruleset = (name: string, given: string, fn: string) => `functionsDir: ./functions
functions: [picky, later]
rules:
  ${name}:
    description: A rule from the user's own ruleset.
    severity: warn
    given: ${JSON.stringify(given)}
    then: {function: ${fn}}
`;

describe("a user ruleset that fails on a spec", () => {
  const cases: Array<[string, string, string]> = [
    [
      'a JSONPath filter that reads past a missing member',
      ruleset('deep-filter', '$..[?(@.x.y.z)]', 'truthy'),
      "apigov: api.yaml: rule deep-filter: JSONPath filter $..[?(@.x.y.z)] failed at openapi: Cannot read properties of undefined (reading 'y')",
    ],
    ['a custom function that throws', ruleset('picky-rule', '$.paths[*][*]', 'picky'), 'apigov: api.yaml: rule picky-rule failed at paths./a.get: picky cannot judge x-boom'],
    ['an async custom function that rejects', ruleset('later-rule', '$.paths[*][*]', 'later'), 'apigov: api.yaml: rule later-rule failed at paths./a.get: later failed'],
  ];

  it.each(cases)('%s: one line naming rule, file and place, exit 2', async (_, rulesetText, line) => {
    const dir = tempDir({ 'ruleset.yaml': rulesetText, 'api.yaml': spec('      x-boom: true\n'), ...FUNCTIONS });
    expect(await runCli(['lint', '-r', 'ruleset.yaml', 'api.yaml'], dir)).toEqual({ code: 2, stdout: '', stderr: `${line}\n` });
  });

  it('a filter shared by two rules names both', async () => {
    const text = `${ruleset('deep-filter', '$..[?(@.x.y.z)]', 'truthy')}  also-deep:\n    description: The same given.\n    severity: info\n    given: "$..[?(@.x.y.z)]"\n    then: {function: defined}\n`;
    const dir = tempDir({ 'ruleset.yaml': text, 'api.yaml': spec(), ...FUNCTIONS });
    const result = await runCli(['lint', '-r', 'ruleset.yaml', 'api.yaml'], dir);
    expect(result.stderr).toBe("apigov: api.yaml: rules also-deep, deep-filter: JSONPath filter $..[?(@.x.y.z)] failed at openapi: Cannot read properties of undefined (reading 'y')\n");
    expect(result.code).toBe(2);
  });

  const jobs: Array<[string, string[]]> = [
    ['in one thread', ['-j', '1']],
    ['on worker threads', ['-j', '2']],
  ];
  it.each(jobs)('the other files are still linted (%s)', async (_, jobArgs) => {
    for (const fn of ['picky', 'later']) {
      const files = { 'a-ok.yaml': spec(), 'b-boom.yaml': spec('      x-boom: true\n'), 'c-ok.yaml': spec(), 'd-ok.yaml': spec() };
      const dir = tempDir({ 'ruleset.yaml': ruleset('my-rule', '$.paths[*][*]', fn), ...files, ...FUNCTIONS });
      const result = await runCli(['lint', '-r', 'ruleset.yaml', '-f', 'json', ...jobArgs, ...Object.keys(files)], dir);
      const expected = fn === 'picky' ? 'picky cannot judge x-boom' : 'later failed';
      expect(result.stderr).toBe(`apigov: b-boom.yaml: rule my-rule failed at paths./a.get: ${expected}\n`);
      const findings = JSON.parse(result.stdout) as Array<{ code: string; source: string }>;
      // picky reports every operation it can judge; later reports nothing but must not have failed the others.
      if (fn === 'picky') expect(findings.map((f) => f.source.slice(dir.length + 1)).sort()).toEqual(['a-ok.yaml', 'c-ok.yaml', 'd-ok.yaml']);
      else expect(findings).toEqual([]);
      expect(result.code).toBe(2);
    }
  });

  it('check names the rule the same way', async () => {
    const dir = gitRepo({ 'ruleset.yaml': ruleset('later-rule', '$.paths[*][*]', 'later'), 'api.yaml': spec('      x-boom: true\n'), ...FUNCTIONS });
    const result = await runCli(['check', '--base', 'HEAD', '-r', 'ruleset.yaml', 'api.yaml'], dir);
    expect(result.stderr).toBe('apigov: api.yaml: rule later-rule failed at paths./a.get: later failed\n');
    expect(result.code).toBe(2);
  });
});
