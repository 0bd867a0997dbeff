import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { codeQualityProblems } from '../helpers/code-quality.js';
import { commit, git, gitRepo } from '../helpers/git.js';
import { runCli } from '../helpers/memory-io.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DOC = readFileSync(path.join(ROOT, 'docs', 'ci.md'), 'utf8');

/** The fenced blocks of a language in docs/ci.md, in order. */
function blocks(language: string): string[] {
  return [...DOC.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]!);
}

/** Words of a shell command line, with double quotes removed (enough for the commands in the doc). */
function shellWords(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!);
}

/** The apigov arguments of a command line (`npx apigov check ...`), CI variables replaced by `main`. */
function apigovArgs(line: string): string[] {
  const words = shellWords(line.replace(/\$\{\{ github\.base_ref \}\}/g, 'main').replace(/\$CI_MERGE_REQUEST_TARGET_BRANCH_NAME/g, 'main'));
  const at = words.indexOf('apigov');
  expect(at, line).toBeGreaterThanOrEqual(0);
  return words.slice(at + 1);
}

const CONFIG = 'ruleset: spectral:oas\nspecs: [openapi.yaml]\n';
const SPEC = (required: boolean) => `openapi: 3.0.3
info: {title: Pets, version: 1.0.0}
paths:
  /pets:
    get:
      operationId: listPets
      parameters: [{name: limit, in: query, required: ${required}, schema: {type: integer}}]
      responses: {'200': {description: ok}}
`;

/** A repository as CI sees it: main pushed (origin/main), a branch that makes a breaking change or not. */
function ciRepo(breaking: boolean): string {
  const repo = gitRepo({ 'apigov.yaml': CONFIG, 'openapi.yaml': SPEC(false) });
  git(repo, 'update-ref', 'refs/remotes/origin/main', 'main');
  git(repo, 'checkout', '-q', '-b', 'change');
  commit(repo, 'change', { 'openapi.yaml': SPEC(breaking) });
  return repo;
}

const outputOf = (args: string[]) => args[args.indexOf('--output') + 1];

describe('docs/ci.md', () => {
  const yamlBlocks = blocks('yaml').map((text) => YAML.parse(text));

  it('has valid YAML in every YAML block', () => {
    expect(yamlBlocks).toHaveLength(3);
  });

  it('GitHub Actions: the apigov steps run as written, annotate, and write the SARIF file the upload step uploads', async () => {
    const workflow = yamlBlocks.find((b) => b.jobs)!;
    expect(workflow.permissions['security-events']).toBe('write');
    const steps: Array<{ run?: string; uses?: string; with?: Record<string, unknown> }> = workflow.jobs.apigov.steps;
    expect(steps.find((s) => s.uses?.startsWith('actions/checkout@'))!.with!['fetch-depth']).toBe(0);
    const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'))!;
    const commands = steps.filter((s) => s.run?.includes('apigov')).map((s) => apigovArgs(s.run!));
    expect(commands.map((args) => args[args.indexOf('--format') + 1])).toEqual(['github-actions', 'sarif']);
    const repo = ciRepo(true);
    for (const args of commands) {
      const result = await runCli(args, repo);
      expect(result.stderr, args.join(' ')).toBe('');
      expect(result.code, args.join(' ')).toBe(1);
      if (args.includes('github-actions')) expect(result.stdout).toMatch(/^::error file=openapi\.yaml,line=\d+.*request-parameter-became-required/m);
    }
    const sarifCommand = commands.find((args) => args.includes('sarif'))!;
    expect(upload.with!.sarif_file).toBe(outputOf(sarifCommand));
    const sarif = JSON.parse(readFileSync(path.join(repo, upload.with!.sarif_file as string), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toContain('request-parameter-became-required');
    // A change that breaks nothing passes the same steps.
    const clean = ciRepo(false);
    for (const args of commands) expect((await runCli(args, clean)).code, args.join(' ')).toBe(0);
  });

  it('GitLab CI: the apigov lines run as written and write the Code Quality and JUnit reports the job publishes', async () => {
    const job = yamlBlocks.find((b) => b.apigov)!.apigov;
    const lines = (job.script as string[]).filter((s) => s.includes('apigov'));
    // Only a report line may swallow its exit code; the last apigov line is the gate that fails the job.
    const tolerated = (line: string) => /\s\|\|\s*true$/.test(line);
    expect(lines.map(tolerated)).toEqual([true, false]);
    const commands = lines.map((line) => apigovArgs(line.replace(/\s\|\|\s*true$/, '')));
    expect(commands.map((args) => args[args.indexOf('--format') + 1])).toEqual(['gitlab', 'junit']);
    const repo = ciRepo(true);
    for (const args of commands) expect(await runCli(args, repo), args.join(' ')).toMatchObject({ code: 1, stderr: '', stdout: '' });
    const reports = job.artifacts.reports;
    expect(reports.codequality).toBe(outputOf(commands[0]!));
    expect(reports.junit).toBe(outputOf(commands[1]!));
    const codequality = JSON.parse(readFileSync(path.join(repo, reports.codequality), 'utf8'));
    expect(codeQualityProblems(codequality)).toEqual([]);
    expect(codequality).toContainEqual(expect.objectContaining({ check_name: 'request-parameter-became-required', severity: 'major', location: { path: 'openapi.yaml', lines: { begin: SPEC(true).split('\n').findIndex((l) => l.includes('name: limit')) + 1 } } }));
    const junit = readFileSync(path.join(repo, reports.junit), 'utf8');
    expect(junit).toContain('<testsuite');
    expect(junit).toContain('request-parameter-became-required');
    expect(job.variables.GIT_DEPTH).toBe('0');
    expect(job.artifacts.when).toBe('always');
    // A change that breaks nothing passes the gate.
    const clean = ciRepo(false);
    for (const args of commands) expect((await runCli(args, clean)).code, args.join(' ')).toBe(0);
  });

  it('pre-commit: the hooks the config names exist, and their entries run as apigov commands', async () => {
    const hooks: Array<{ id: string; entry: string; pass_filenames: boolean }> = YAML.parse(readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8'));
    const config = yamlBlocks.find((b) => b.repos)!;
    const used: string[] = config.repos[0].hooks.map((h: { id: string }) => h.id);
    expect(used.every((id) => hooks.some((h) => h.id === id))).toBe(true);
    const clean = ciRepo(false);
    const breaking = ciRepo(true);
    for (const hook of hooks) {
      expect(hook.pass_filenames).toBe(false);
      const args = apigovArgs(hook.entry);
      expect(await runCli(args, clean), hook.id).toMatchObject({ code: 0, stderr: '' });
    }
    // The pre-push hook is the CI gate: it refuses the breaking change (origin/HEAD unknown, so main is the base).
    expect((await runCli(apigovArgs(hooks.find((h) => h.id === 'apigov-check')!.entry), breaking)).code).toBe(1);
  });

  it('the shell snippets name files that exist and commands that work', async () => {
    const [hookInstall, baselineSetup] = blocks('sh');
    expect(hookInstall).toContain('node_modules/apigov/hooks/pre-commit');
    expect(existsSync(path.join(ROOT, 'hooks', 'pre-commit'))).toBe(true);
    expect(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).files).toContain('hooks');
    const repo = ciRepo(false);
    const update = apigovArgs(baselineSetup!.split('\n')[0]!.replace(/#.*/, ''));
    expect(update).toEqual(['check', '--update-baseline']);
    expect((await runCli(update, repo)).code).toBe(0);
    expect(existsSync(path.join(repo, '.apigov-baseline.json'))).toBe(true);
  });
});
