import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MARKDOWN_LIMIT } from '../../src/report/formatters/markdown.js';
import { runCli, tempDir } from '../helpers/memory-io.js';
import { EVIL, EVIL_SPEC, manyOperationsSpec } from '../helpers/report-specs.js';

interface JsonRow {
  code: string;
  message: string;
  severity: number;
  source: string;
}

const SEVERITY_OF_CELL: Record<string, number> = { '🔴 error': 0, '🟡 warn': 1, '🔵 info': 2, '⚪ hint': 3 };

/** Table rows of the comment, split into cells at the pipes GitHub treats as cell separators. */
function tableRows(markdown: string): string[][] {
  return markdown
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| |') && !line.startsWith('| ---'))
    .map((line) => line.split(/(?<!\\)\|/).slice(1, -1).map((cell) => cell.trim()));
}

async function lintBoth(files: Record<string, string>, args: string[]) {
  const dir = tempDir(files);
  const rows = JSON.parse((await runCli(['lint', '-f', 'json', ...args], dir)).stdout) as JsonRow[];
  const markdown = (await runCli(['lint', '-f', 'markdown', ...args], dir)).stdout;
  return { dir, rows, markdown };
}

describe('markdown output (lint)', () => {
  it('sums up by severity and lists findings per file, worst file and worst findings first', async () => {
    const { dir, rows, markdown } = await lintBoth({ 'a.yaml': manyOperationsSpec(1).replace('/items0', '/items'), 'b.yaml': EVIL_SPEC }, ['a.yaml', 'b.yaml']);
    const count = (s: number) => rows.filter((r) => r.severity === s).length;
    expect(markdown.split('\n')[2]).toBe(`**${count(0)} errors, ${count(1)} warnings, ${count(2)} infos, 0 hints** in 2 files.`);
    const headings = markdown.split('\n').filter((line) => line.startsWith('### '));
    expect(headings).toEqual(['### `a.yaml`', '### `b.yaml`']);
    const sections = markdown.split('### ').slice(1);
    for (const [index, file] of ['a.yaml', 'b.yaml'].entries()) {
      const cells = tableRows(sections[index]!);
      expect(cells).toHaveLength(rows.filter((r) => r.source === path.join(dir, file)).length);
      const severities = cells.map((row) => SEVERITY_OF_CELL[row[0]!]!);
      expect(severities).toEqual([...severities].sort());
    }
  });

  it('keeps spec text inside its cell: pipes, backticks, markup and line breaks are escaped', async () => {
    const { markdown } = await lintBoth({ 'b.yaml': EVIL_SPEC }, ['b.yaml']);
    const rows = tableRows(markdown);
    expect(rows.every((row) => row.length === 5)).toBe(true);
    const casing = rows.find((row) => row[2] === '`apigov-parameter-casing`')!;
    expect(casing[3]).toBe('Parameter "q\\<script\\>window.pwned=1\\</script\\>&"\'\u0007\\|\\`%,: x" (in query) is not camelCase.');
    const property = rows.find((row) => row[4]?.includes('properties'))!;
    // A code span that contains a backtick is fenced by two; its pipe is escaped for the table.
    expect(property[4]).toBe(`\`\`/paths/~1pets/post/requestBody/content/application~1json/schema/properties/${EVIL.replace('</', '<~1').replace(/\r\n/, ' ').replace('|', '\\|')}\`\``);
    // Outside code spans (where GitHub shows markup as text) no `<` is left to start an HTML tag.
    expect(rows.filter((row) => /(?<!\\)</.test(row[3]!))).toEqual([]);
  });

  it('stays under GitHub\'s comment limit, dropping the mildest findings first, and says how many more there are', async () => {
    const { rows, markdown } = await lintBoth({ 'items.yaml': manyOperationsSpec(150) }, ['items.yaml']);
    expect(markdown.length).toBeLessThanOrEqual(MARKDOWN_LIMIT);
    const shown = tableRows(markdown).map((row) => SEVERITY_OF_CELL[row[0]!]!);
    const hidden = rows.length - shown.length;
    expect(hidden).toBeGreaterThan(0);
    const byCount = (list: number[], s: number) => list.filter((x) => x === s).length;
    const hiddenCounts = [0, 1, 2].map((s) => byCount(rows.map((r) => r.severity), s) - byCount(shown, s));
    // Worst first: nothing hidden is worse than anything shown.
    expect(Math.min(...[0, 1, 2].filter((s) => hiddenCounts[s]! > 0))).toBeGreaterThanOrEqual(Math.max(...shown));
    const tally = ['error', 'warning', 'info'].map((noun, s) => (hiddenCounts[s]! > 0 ? `${hiddenCounts[s]} ${noun}s` : '')).filter(Boolean).join(', ');
    expect(markdown.trimEnd().split('\n').at(-1)).toBe(`… and ${hidden} more findings not shown (${tally}): the comment would exceed GitHub's limit of 65536 characters. Use another --format for the full report.`);
  });
});
