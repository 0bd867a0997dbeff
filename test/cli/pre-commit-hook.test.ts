import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, chmodSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { git, gitRepo, writeFiles } from '../helpers/git.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const APIGOV = `node ${path.join(ROOT, 'bin', 'apigov.js')}`;

const CONFIG = 'ruleset: spectral:oas\nspecs: [openapi.yaml]\nrules:\n  operation-operationId: error\n';
const spec = (operationId: boolean) => `openapi: 3.0.3
info: {title: Pets, version: 1.0.0}
paths:
  /pets:
    get:
${operationId ? '      operationId: listPets\n' : ''}      responses: {'200': {description: ok}}
`;

/** `git commit` with the hook installed; the hook runs the built apigov binary. */
function tryCommit(repo: string, message: string) {
  git(repo, 'add', '-A');
  return spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-q', '-m', message], {
    cwd: repo,
    encoding: 'utf8',
    env: { ...process.env, APIGOV: APIGOV, NO_COLOR: '1', APIGOV_CACHE_DIR: path.join(repo, '.git', 'apigov-cache') },
  });
}

describe('hooks/pre-commit (plain git hook)', () => {
  it('blocks a commit that brings an error-level finding, lets a clean one through, and skips commits without specs', () => {
    const repo = gitRepo({ 'apigov.yaml': CONFIG, 'openapi.yaml': spec(true) });
    const hook = path.join(repo, '.git', 'hooks', 'pre-commit');
    copyFileSync(path.join(ROOT, 'hooks', 'pre-commit'), hook);
    chmodSync(hook, 0o755);
    const head = () => execFileSync('git', ['rev-parse', 'HEAD'], { cwd: repo, encoding: 'utf8' }).trim();
    const before = head();

    writeFiles(repo, { 'openapi.yaml': spec(false) });
    const blocked = tryCommit(repo, 'drop the operationId');
    expect(blocked.status).toBe(1);
    // git hands a hook's stdout to stderr.
    expect(blocked.stderr).toMatch(/error\s+operation-operationId\s+Operation must have "operationId"/);
    expect(blocked.stderr).toContain('apigov: commit blocked by the findings above');
    expect(head()).toBe(before);

    writeFiles(repo, { 'openapi.yaml': spec(true), 'notes.txt': 'fine\n' });
    const allowed = tryCommit(repo, 'keep it clean');
    expect(allowed.stderr).toBe('');
    expect(allowed.status).toBe(0);
    expect(head()).not.toBe(before);

    // A commit that touches no YAML or JSON file does not run apigov at all (even with a broken spec around).
    writeFiles(repo, { 'openapi.yaml': 'not: [valid\n' });
    git(repo, 'update-index', '--assume-unchanged', 'openapi.yaml');
    writeFiles(repo, { 'notes.txt': 'more\n' });
    git(repo, 'add', 'notes.txt');
    const skipped = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-q', '-m', 'notes'], { cwd: repo, encoding: 'utf8', env: { ...process.env, APIGOV: APIGOV } });
    expect(skipped.status).toBe(0);
  });
});
