import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = path.resolve(import.meta.dirname, '../../bin/apigov.js');
const dir = mkdtempSync(path.join(tmpdir(), 'apigov-pipe-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A spec whose JSON report runs to megabytes: 1,500 operations, each with findings. */
function bigSpec(): string {
  const paths: Record<string, unknown> = {};
  for (let index = 0; index < 1_500; index += 1) {
    paths[`/things_${index}/getThing`] = { get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object', properties: { some_field: { type: 'string' } } } } } } } } };
  }
  const file = path.join(dir, 'big.json');
  writeFileSync(file, JSON.stringify({ openapi: '3.0.3', info: { title: 'Big', version: '1.0.0' }, paths }));
  return file;
}

/** Runs the binary with stdout on a pipe; `take` bytes are read, then the pipe is closed or, with a delay, read slowly to the end. */
function run(args: string[], reader: { take?: number; delayMs?: number }): Promise<{ status: number | null; stderr: string; read: number }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    let read = 0;
    child.stderr.on('data', (data) => (stderr += data));
    child.stdout.pause();
    const pump = () => {
      let chunk: Buffer | null;
      while ((chunk = child.stdout.read() as Buffer | null) !== null) {
        read += chunk.length;
        if (reader.take !== undefined && read >= reader.take) return child.stdout.destroy();
      }
    };
    child.stdout.on('readable', () => (reader.delayMs ? setTimeout(pump, reader.delayMs) : pump()));
    child.on('close', (status) => resolve({ status, stderr, read }));
  });
}

describe('the report on a pipe', () => {
  const spec = bigSpec();

  it('ends quietly when the reader goes away (`| head`), with the lint exit code and no stack trace', async () => {
    const result = await run(['lint', '--no-cache', '-f', 'json', spec], { take: 1_000 });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
  }, 60_000);

  it('reaches a slow reader whole', async () => {
    const result = await run(['lint', '--no-cache', '-f', 'json', spec], { delayMs: 1 });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    expect(result.read).toBeGreaterThan(2_000_000);
  }, 60_000);
});
