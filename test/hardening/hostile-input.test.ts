import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLoopback, type Loopback } from '../helpers/loopback.js';
import { runCli, tempDir, type RunResult } from '../helpers/memory-io.js';
import { HOSTILE_CASES, SECRET, SECRET_FILE, SECRET_YAML, type Expectation, type HostileCase } from './hostile-cases.js';

// Generous for slow CI machines; the peers this guards against take 37 s to minutes on these inputs.
const LINT_SECONDS = 15;
const DIFF_SECONDS = 3;
const CLEAN = 'openapi: 3.0.3\ninfo: {title: Hostile, version: 1.0.0}\npaths: {}\n';

interface JsonFinding {
  code: string;
  path: string[];
  message: string;
}

let listener: Loopback;
beforeAll(async () => {
  listener = await startLoopback({ '/secret.yaml': { body: SECRET_YAML } });
});
afterAll(() => listener.close());

function prepare(testCase: HostileCase): string {
  const dir = tempDir({ [SECRET_FILE]: SECRET_YAML, 'api/clean.yaml': CLEAN });
  testCase.write({ dir, listener: listener.url });
  return dir;
}

/** Runs the CLI, timing it and checking that it opened no connection (to the loopback listener or anywhere it could see). */
async function timed(run: () => Promise<RunResult>): Promise<RunResult & { seconds: number }> {
  const connections = listener.connections();
  const started = performance.now();
  const result = await run();
  const seconds = (performance.now() - started) / 1000;
  expect(listener.connections(), 'connections to the loopback listener').toBe(connections);
  return { ...result, seconds };
}

function expectNoLeak(result: RunResult): void {
  expect(result.stdout).not.toContain(SECRET);
  expect(result.stderr).not.toContain(SECRET);
  expect(result.stderr).not.toContain('internal error');
}

function expectRefused(result: RunResult, expected: Extract<Expectation, { code: 2 }>, dir: string): void {
  expect(result.stderr).toBe(expected.stderr.map((line) => `${line.replaceAll('<dir>', dir)}\n`).join(''));
  expect(result.stdout).toBe('');
  expect(result.code).toBe(2);
}

describe.each(HOSTILE_CASES)('hostile input: $name', (testCase) => {
  it('lint: the expected exit code and message, fast, nothing leaked', async () => {
    const dir = prepare(testCase);
    const result = await timed(() => runCli(['lint', '--no-cache', '-r', 'spectral:oas', '-f', 'json', testCase.spec], path.join(dir, 'api'), testCase.env));
    expectNoLeak(result);
    expect(result.seconds).toBeLessThan(LINT_SECONDS);
    const expected = testCase.lint;
    if (expected.code === 2) return expectRefused(result, expected, dir);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(expected.code);
    const findings = JSON.parse(result.stdout) as JsonFinding[];
    for (const wanted of expected.lintFindings ?? []) {
      const found = findings.filter((f) => f.code === wanted.code && (wanted.path === undefined || f.path.join('.') === wanted.path));
      expect(found, `${wanted.code} at ${wanted.path}`).toHaveLength(1);
      if (typeof wanted.message === 'string') expect(found[0]!.message).toBe(wanted.message);
      else if (wanted.message) expect(found[0]!.message).toMatch(wanted.message);
    }
    for (const code of expected.absentCodes ?? []) expect(findings.map((f) => f.code)).not.toContain(code);
  });

  it('diff: the expected exit code and message, fast, nothing leaked', async () => {
    const dir = prepare(testCase);
    const result = await timed(() => runCli(['diff', 'clean.yaml', testCase.spec], path.join(dir, 'api'), testCase.env));
    expectNoLeak(result);
    expect(result.seconds).toBeLessThan(DIFF_SECONDS);
    const expected = testCase.diff;
    if (expected.code === 2) return expectRefused(result, expected, dir);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(expected.code);
    if (expected.diffOutput !== undefined) expect(result.stdout).toBe(expected.diffOutput);
  });
});

describe('hostile input: the table', () => {
  it('covers at least 30 distinct hostile inputs', () => {
    expect(HOSTILE_CASES.length).toBeGreaterThanOrEqual(30);
    expect(new Set(HOSTILE_CASES.map((c) => c.name)).size).toBe(HOSTILE_CASES.length);
  });

  it('never let a run reach the loopback listener', () => {
    expect(listener.connections()).toBe(0);
  });
});

describe('hostile input: the alias bomb is refused well under a second', () => {
  it('diff reads, scans and refuses the 9-level bomb in under a second', async () => {
    const bomb = HOSTILE_CASES.find((c) => c.name.includes('billion laughs'))!;
    const dir = prepare(bomb);
    await runCli(['diff', 'clean.yaml', 'clean.yaml'], path.join(dir, 'api'));
    const result = await timed(() => runCli(['diff', 'clean.yaml', bomb.spec], path.join(dir, 'api')));
    expect(result.code).toBe(2);
    expect(result.seconds).toBeLessThan(1);
  });
});
