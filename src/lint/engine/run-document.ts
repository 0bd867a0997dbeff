import type { Document, IRuleResult, Ruleset } from '@stoplight/spectral-core';
import { getDiagnosticSeverity } from '@stoplight/spectral-core/ruleset';
import { createAssociator } from './associated-item.js';
import { traverse, type PathCallbacks } from './compiled-paths.js';
import { placeContext } from './path-independence.js';
import { createRefEntries } from './ref-entries.js';
import { lintNode, type RunnableRule, type RunState } from './lint-node.js';
import { resultFingerprint, sortResults } from './result-order.js';
import { DocumentInventory, generateDocumentWideResult, type SourceRuleset } from './spectral-internals.js';

type Format = ((document: unknown, source: string | null) => boolean) & { displayName?: string };
type ParserOptions = { incompatibleValues: unknown; duplicateKeys: unknown };
type Diagnostic = IRuleResult & { code: string | number };

/** Spectral keeps a parser diagnostic unless the ruleset's parserOptions turn its kind off. */
function parserResults(diagnostics: Diagnostic[], options: ParserOptions): IRuleResult[] {
  const kept: IRuleResult[] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.code !== 'parser') continue;
    const setting = diagnostic.message.startsWith('Mapping key must be a string scalar rather than')
      ? options.incompatibleValues
      : diagnostic.message.startsWith('Duplicate key')
        ? options.duplicateKeys
        : undefined;
    if (setting === undefined) {
      kept.push(diagnostic);
      continue;
    }
    const severity = getDiagnosticSeverity(setting as never);
    if (severity === -1) continue;
    diagnostic.severity = severity;
    kept.push(diagnostic);
  }
  return kept;
}

/** Detects the document's formats once, as Spectral does; none at all is itself a finding. */
function detectFormats(document: Document, resolved: unknown, ruleset: SourceRuleset, results: IRuleResult[]): void {
  if (document.formats !== undefined) return;
  const formats = [...(ruleset.formats as Set<Format>)];
  const found = formats.filter((format) => format(resolved, document.source));
  if (found.length > 0) {
    document.formats = new Set(found) as never;
    return;
  }
  document.formats = null;
  if (formats.length === 0) return;
  const names = formats.map((format) => format.displayName ?? format.name).join(', ');
  results.push(generateDocumentWideResult(document, `The provided document does not match any of the registered formats [${names}]`, 1, 'unrecognized-format'));
}

/**
 * Lints one parsed document with a ruleset and returns exactly what Spectral's `run` returns:
 * the same resolution (Spectral's DocumentInventory over the given resolver), the same rule
 * targets (Nimma, compiled once per ruleset), the same functions, messages and result mapping,
 * deduplicated and sorted by Spectral's own code. test/lint/engine-parity.test.ts holds it to that.
 */
export interface RunOptions {
  /** Skip repeats of shared subtrees for rules known not to find anything new there (shared-walk.ts); on unless a test compares. */
  shareSubtrees?: boolean;
}

export async function runDocument(document: Document, resolver: unknown, ruleset: Ruleset, options: RunOptions = {}): Promise<IRuleResult[]> {
  const sourceRuleset = ruleset.fromSource(document.source);
  const inventory = new DocumentInventory(document, resolver);
  await inventory.resolve();
  const results: IRuleResult[] = [...inventory.diagnostics, ...(inventory.errors ?? [])];
  results.push(...parserResults(document.diagnostics as Diagnostic[], sourceRuleset.parserOptions as ParserOptions));
  detectFormats(document, inventory.resolved, sourceRuleset, results);

  // Spectral's runner drops every result whose identity an earlier one has (prepareResults). Rule
  // results are checked as they are kept (lint-node.ts); these earlier ones are checked here.
  const seen = new Set<string>();
  const unique = results.filter((result) => {
    const id = resultFingerprint(result);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  const state: RunState = { inventory, associator: createAssociator(inventory), results: unique, seen, mapped: new Set(), promises: [] };
  const callbacks = { resolved: new Map<string, PathCallbacks>(), unresolved: new Map<string, PathCallbacks>() };
  const formats = document.formats ?? null;
  for (const rule of Object.values(sourceRuleset.rules)) {
    if (!rule.enabled || !rule.matchesFormat(inventory.formats as never)) continue;
    const runnable = rule as unknown as RunnableRule;
    const context = placeContext(runnable as never);
    for (const given of rule.getGivenForFormats(formats as never)) {
      const byPath = callbacks[rule.resolved ? 'resolved' : 'unresolved'];
      const entry = byPath.get(given) ?? { list: [], contexts: [] };
      entry.list.push((node) => lintNode(state, node, runnable));
      entry.contexts.push(context);
      byPath.set(given, entry);
    }
  }
  traverse(inventory.resolved, callbacks.resolved, options.shareSubtrees === false ? null : createRefEntries(state.associator, inventory.unresolved));
  traverse(inventory.unresolved, callbacks.unresolved);
  await Promise.all(state.promises);
  return sortResults(state.results);
}
