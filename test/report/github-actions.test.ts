import { copyFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/memory-io.js';
import { EVIL, EVIL_SPEC, manyOperationsSpec } from '../helpers/report-specs.js';

const REPO = path.resolve(import.meta.dirname, '../..');

interface WorkflowCommand {
  command: string;
  properties: Record<string, string>;
  message: string;
}

// The inverse of GitHub's escaping rules, as the runner applies them.
const decodeData = (text: string) => text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
const decodeProperty = (text: string) => decodeData(text.replace(/%3A/g, ':').replace(/%2C/g, ','));

/** Reads `::command k=v,k=v::message` lines as the runner does; other lines stay plain log lines. */
function readCommands(stdout: string): { commands: WorkflowCommand[]; plain: string[] } {
  const commands: WorkflowCommand[] = [];
  const plain: string[] = [];
  for (const line of stdout.split('\n').filter(Boolean)) {
    const match = /^::(\w+)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!match) {
      plain.push(line);
      continue;
    }
    const properties = Object.fromEntries((match[2] ?? '').split(',').filter(Boolean).map((pair) => [pair.slice(0, pair.indexOf('=')), decodeProperty(pair.slice(pair.indexOf('=') + 1))]));
    commands.push({ command: match[1]!, properties, message: decodeData(match[3]!) });
  }
  return { commands, plain };
}

interface JsonRow {
  code: string;
  message: string;
  severity: number;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

describe('github-actions output', () => {
  it('escapes messages and properties so every annotation decodes back to the finding', async () => {
    const file = 'specs/a,b:c.yaml';
    const dir = tempDir({ [file]: EVIL_SPEC });
    const rows = JSON.parse((await runCli(['lint', '-f', 'json', file], dir)).stdout) as JsonRow[];
    const result = await runCli(['lint', '-f', 'github-actions', file], dir);
    expect(result.stdout).not.toContain('\r');
    const { commands: all, plain } = readCommands(result.stdout);
    // More than 10 warnings: the last command is the summary of those left out (tested below).
    const commands = all.filter((c) => c.properties.title !== 'apigov');
    expect(all).toHaveLength(commands.length + 1);
    expect(commands.some((c) => c.message.includes(EVIL))).toBe(true);
    for (const command of commands) {
      const row = rows.find((r) => r.code === command.properties.title && r.message === command.message && r.range.start.line + 1 === Number(command.properties.line));
      expect(row, `${command.properties.title}: ${command.message}`).toBeDefined();
      expect(command.properties).toEqual({
        file,
        line: String(row!.range.start.line + 1),
        col: String(row!.range.start.character + 1),
        endLine: String(row!.range.end.line + 1),
        endColumn: String(row!.range.end.character + 1),
        title: row!.code,
      });
      expect(command.command).toBe(['error', 'warning', 'notice', 'notice'][row!.severity]);
    }
    expect(plain).toEqual([expect.stringMatching(/^apigov lint: \d+ errors?, \d+ warnings?, \d+ infos?, 0 hints in 1 file\.$/)]);
  });

  it('annotates the worst first within GitHub\'s 10-per-kind limit and summarises the rest by severity', async () => {
    const dir = tempDir({ 'items.yaml': manyOperationsSpec(14) });
    const rows = JSON.parse((await runCli(['lint', '-f', 'json', 'items.yaml'], dir)).stdout) as JsonRow[];
    const total = [0, 1, 2, 3].map((s) => rows.filter((r) => r.severity === s).length);
    expect(total[0]).toBeGreaterThan(10);
    expect(total[1]).toBeGreaterThan(10);
    expect(total[2]).toBeGreaterThan(10);
    const { commands, plain } = readCommands((await runCli(['lint', '-f', 'github-actions', 'items.yaml'], dir)).stdout);
    expect(commands.map((c) => c.command)).toEqual([...Array(10).fill('error'), ...Array(10).fill('warning'), ...Array(10).fill('notice')]);
    // Errors are the report's first ten, in report order.
    expect(commands.slice(0, 10).map((c) => [c.properties.title, c.message])).toEqual(rows.filter((r) => r.severity === 0).slice(0, 10).map((r) => [r.code, r.message]));
    // The last notice slot is kept for the summary: 9 info annotations were shown.
    const summary = commands.at(-1)!;
    expect(summary.properties).toEqual({ title: 'apigov' });
    const left = rows.length - 29;
    expect(summary.message).toBe(`${left} more findings were not annotated (GitHub shows 10 per kind per step): ${total[0]! - 10} errors, ${total[1]! - 10} warnings, ${total[2]! - 9} infos. Use another --format for the full report.`);
    expect(plain).toEqual([`apigov lint: ${total[0]} errors, ${total[1]} warnings, ${total[2]} infos, 0 hints in 1 file.`]);
  });

  it('annotates diff changes on the revision file, breaking first, naming the operation', async () => {
    const dir = tempDir();
    for (const side of ['base', 'revision']) copyFileSync(path.join(REPO, `fixtures/diff/schema-properties/request/${side}.yaml`), path.join(dir, `${side}.yaml`));
    const env = { APIGOV_TODAY: '2026-06-01' };
    const json = JSON.parse((await runCli(['diff', '-f', 'json', 'base.yaml', 'revision.yaml'], dir, env)).stdout);
    const result = await runCli(['diff', '-f', 'github-actions', 'base.yaml', 'revision.yaml'], dir, env);
    expect(result.code).toBe(1);
    const { commands, plain } = readCommands(result.stdout);
    // Every change concerns the request schema: annotated at its line, found here by hand.
    const lines = readFileSync(path.join(dir, 'revision.yaml'), 'utf8').split('\n');
    const schemaLine = lines.findIndex((line) => line.trim() === 'schema:');
    const at = { line: String(schemaLine + 1), col: String(lines[schemaLine]!.indexOf('schema') + 1) };
    expect(commands.map((c) => [c.command, c.properties, c.message])).toEqual(
      json.changes.map((c: { id: string; level: 'error' | 'warn' | 'info'; operation: string; message: string }) => [
        { error: 'error', warn: 'warning', info: 'notice' }[c.level],
        { file: 'revision.yaml', ...at, title: c.id },
        `${c.operation}: ${c.message}`,
      ]),
    );
    expect(commands.map((c) => c.command).indexOf('warning')).toBeGreaterThan(commands.map((c) => c.command).lastIndexOf('error'));
    expect(plain).toEqual([`apigov diff base.yaml → revision.yaml: ${json.summary.error} breaking, ${json.summary.warn} warning, ${json.summary.info} info; recommended release: ${json.semver.recommended}.`]);
  });
});
