import type { Document } from 'yaml';
import { SpecLoadError, where } from '../errors.js';
import { checkAliasExpansion } from './alias-budget.js';
import { yaml } from './yaml-module.js';
import { lineAndColumn } from './decode-spec.js';
import { scanStructure, type StructureProblem, type StructureScan } from './scan-structure.js';
import { currentSpecLimits } from '../runtime/run-context.js';
import { describeBytes, MAX_BYTES_VARIABLE, type SpecLimits } from './spec-limits.js';

function at(text: string, displayName: string, offset: number): string {
  const { line, column } = lineAndColumn(text, offset);
  return where(displayName, line, column);
}

function describeProblem(problem: StructureProblem, limits: SpecLimits): string {
  switch (problem.kind) {
    case 'too-deep':
      return `nested deeper than ${limits.maxDepth} levels; not parsed`;
    case 'extra-document':
      return 'a second YAML document in the stream; an API description is one document';
    case 'tag':
      return `YAML tag "${problem.tag}" is not supported (apigov never constructs tagged values; remove the tag)`;
  }
}

/** Refuses a text larger than the size limit, naming the limit and how to raise it. */
export function assertSize(bytes: number, displayName: string, limits: SpecLimits = currentSpecLimits()): void {
  if (bytes <= limits.maxBytes) return;
  throw new SpecLoadError(`${displayName}: ${describeBytes(bytes)}, larger than the limit of ${describeBytes(limits.maxBytes)} (${MAX_BYTES_VARIABLE} raises it)`);
}

/** {@link assertSize} for a text. */
export function assertTextSize(text: string, displayName: string, limits: SpecLimits = currentSpecLimits()): void {
  // Characters are at most 3 UTF-8 bytes each (a surrogate pair is 4 for 2), so most texts skip the exact count.
  if (text.length * 3 > limits.maxBytes) assertSize(Buffer.byteLength(text, 'utf8'), displayName, limits);
}

/**
 * Refuses YAML whose aliases expand past the budget or the depth limit (or into themselves),
 * given its syntax tree from the yaml package. Callers that parse with that package anyway pass
 * their own document.
 */
export function assertAliasBudget(document: Document.Parsed, text: string, displayName: string, limits: SpecLimits = currentSpecLimits()): void {
  const problem = checkAliasExpansion(document, limits.maxAliasNodes, limits.maxDepth);
  if (problem === undefined) return;
  const place = at(text, displayName, problem.offset);
  if (problem.kind === 'recursive') throw new SpecLoadError(`${place}: YAML alias "*${problem.anchor}" is inside the node it names, so it never stops expanding; not parsed`);
  if (problem.kind === 'too-deep') throw new SpecLoadError(`${place}: nested deeper than ${problem.maxDepth} levels once YAML aliases are expanded; not parsed`);
  throw new SpecLoadError(`${place}: YAML aliases expand to more than ${problem.budget.toLocaleString('en-US')} nodes (an alias bomb); not parsed`);
}

/**
 * The checks every spec text passes before a parser sees it, for lint, diff and check alike:
 * size, nesting depth, a single document, no custom tags, and — when the text has anchors and
 * aliases — the alias expansion budget. Each failure is one SpecLoadError naming file:line:col.
 * Returns the scan, for callers that use its counts.
 */
export function guardSpecText(text: string, displayName: string, options: { aliasesCheckedByCaller?: boolean } = {}): StructureScan {
  const limits = currentSpecLimits();
  assertTextSize(text, displayName, limits);
  const scan = scanStructure(text, limits.maxDepth);
  if (scan.problem) throw new SpecLoadError(`${at(text, displayName, scan.problem.offset)}: ${describeProblem(scan.problem, limits)}`);
  if (scan.mayExpandAliases && !options.aliasesCheckedByCaller) {
    assertAliasBudget(yaml().parseDocument(text, { uniqueKeys: false, strict: false, prettyErrors: false }), text, displayName, limits);
  }
  return scan;
}
