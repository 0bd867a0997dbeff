import type { IRuleResult } from '@stoplight/spectral-core';
import runtime from '@stoplight/spectral-runtime';
import { setActivityDetail } from '../../runtime/activity.js';
import { RuleFailure } from '../rule-guard.js';
import type { Associator } from './associated-item.js';
import { fingerprintOf } from './result-order.js';
import type { AssociatedItem } from './spectral-internals.js';
import { getLintTargets, interpolate, type Inventory } from './spectral-internals.js';

// A CommonJS module whose exports Node cannot list for named imports.
const { decodeSegmentFragment, getClosestJsonPath, printPath, PrintStyle } = runtime;

type Segment = string | number;
type RuleFunction = (input: unknown, options: unknown, context: FunctionContext) => unknown;
type FunctionResult = { message: string; path?: Segment[] };

/** Spectral's decodeSegmentFragment: only `~0` and `~1` decode, so a string without `~` is its own answer (as the same string). */
const decodeSegment = (segment: Segment): string => (typeof segment === 'string' && !segment.includes('~') ? segment : decodeSegmentFragment(segment));

/** The parts of Spectral's Rule the runner uses. */
export interface RunnableRule {
  name: string;
  resolved: boolean;
  message: string | null;
  description: string | null;
  severity: number;
  documentationUrl: string | null;
  then: { field?: string; function: RuleFunction; functionOptions?: unknown }[];
  getSeverityForSource(source: string, path: Segment[]): number;
}

interface FunctionContext {
  document: Inventory['document'];
  documentInventory: Inventory;
  rule: RunnableRule;
  path: Segment[];
}

/** What one run accumulates; `seen` holds the fingerprints of results already kept. */
export interface RunState {
  inventory: Inventory;
  /** The inventory's findAssociatedItemForPath, remembered step by step (associated-item.ts). */
  associator: Associator;
  results: IRuleResult[];
  seen: Set<string>;
  /** Keys of raw results already turned into findings (or dropped): see `repeatKey`. */
  mapped: Set<string>;
  promises: Promise<unknown>[];
}

function valueAt(data: unknown, path: Segment[]): unknown {
  let current = data;
  for (const segment of path) {
    if (current === null || current === undefined) return undefined;
    current = (current as Record<Segment, unknown>)[segment];
  }
  return current;
}

/** Spectral's template interpolation builds an expression parser per call; a message without `{{` has nothing to interpolate. */
function isTemplate(message: unknown): boolean {
  return typeof message !== 'string' || message.includes('{{');
}

/**
 * Spectral's Replacer builds an expression parser (and binds its functions) on every call, which
 * only `#{{…}}` placeholders use. A template with plain `{{name}}` placeholders only gets the
 * Replacer's own answer for those, without the parser: the variable's text, or nothing when it
 * is not one of the variables.
 */
function messageFrom(template: string, vars: Record<string, unknown> | null): string {
  if (vars === null || !isTemplate(template)) return template;
  if (typeof template !== 'string' || template.includes('#{{')) return interpolate(template, vars);
  // Most rules' whole message is the function's (every house rule's): the replace below, without the pattern.
  if (template === '{{error}}') return String(vars.error);
  return template.replace(PLACEHOLDER, (_placeholder, name: string) => (name in vars ? String(vars[name]) : ''));
}

const ALL_VARIABLES: ReadonlySet<string> = new Set(['property', 'error', 'path', 'description', 'value']);
// Spectral's placeholder pattern (utils/replacer.ts): `{{name}}`, or `#{{expression}}` evaluated.
const PLACEHOLDER = /#?\{\{([^}\n]+)\}\}/g;

/**
 * The message variables a template can read: a `{{name}}` placeholder reads only that name; an
 * evaluated `#{{…}}` one may read any. Printing a deep path or reading a value for every raw
 * result (before repeats are dropped) cost seconds on large resolved trees, for templates that
 * mostly read only `{{error}}`. Remembered per template: a rule's results mostly share a few.
 */
const NO_VARIABLES: ReadonlySet<string> = new Set();
const readByTemplate = new Map<string, ReadonlySet<string>>();
function variablesRead(template: unknown): ReadonlySet<string> {
  if (typeof template !== 'string') return ALL_VARIABLES;
  if (!template.includes('{{')) return NO_VARIABLES;
  let read = readByTemplate.get(template);
  if (read !== undefined) return read;
  const names = new Set<string>();
  for (const match of template.matchAll(PLACEHOLDER)) {
    if (match[0]!.startsWith('#')) {
      read = ALL_VARIABLES;
      break;
    }
    names.add(match[1]!);
  }
  read ??= names;
  // A function that puts a value in every message would grow this without bound.
  if (readByTemplate.size < 10_000) readByTemplate.set(template, read);
  return read;
}

/** The variables both templates read (the function's message, then the rule's). */
function variablesReadBy(message: unknown, ruleMessage: string | null): ReadonlySet<string> {
  const fromMessage = variablesRead(message);
  if (ruleMessage === null) return fromMessage;
  const fromRule = variablesRead(ruleMessage);
  if (fromRule.size === 0 || fromRule === fromMessage) return fromMessage;
  if (fromMessage.size === 0) return fromRule;
  return new Set([...fromMessage, ...fromRule]);
}

/** Spectral's variables object with only the values the templates read computed; the others are present but undefined. */
function messageVariables(read: ReadonlySet<string>, message: unknown, item: AssociatedItem | null, path: Segment[], rule: RunnableRule, data: unknown): Record<string, unknown> {
  const missing = item?.missingPropertyPath;
  return {
    property: !read.has('property')
      ? undefined
      : missing !== undefined && missing.length > path.length
        ? printPath(missing.slice(path.length - 1), PrintStyle.Dot)
        : path.length > 0
          ? path[path.length - 1]
          : '',
    error: read.has('error') ? message : undefined,
    path: read.has('path') ? printPath(path, PrintStyle.EscapedPointer) : undefined,
    description: read.has('description') ? rule.description : undefined,
    value: read.has('value') ? (path.length === 0 ? data : valueAt(data, path)) : undefined,
  };
}

function isError(value: unknown): value is Error {
  return value instanceof Error || Object.prototype.toString.call(value) === '[object Error]';
}

/**
 * Spectral's result identity (result-order.ts): its runner drops later results with the same one.
 * A shared component reached through hundreds of `$ref`s yields the same result hundreds of times;
 * recognising the repeat before computing its range is what saves the time. `pathJson` is the
 * path as JSON, computed once; the range is computed only for an empty path.
 */
function fingerprint(code: string, pathJson: string, emptyPath: boolean, source: string | undefined, message: string, range: () => IRuleResult['range']): string {
  return fingerprintOf(code, emptyPath ? JSON.stringify(range()) : pathJson, source, message);
}

/**
 * A raw result's finding (message, severity, fingerprint) depends only on the rule, the function's
 * message, and the document and place the result maps to (plus, for a template that reads
 * `{{property}}`, the missing part of the path). Results from a shared schema reached through
 * thousands of `$ref`s map to one place, so the second and later ones are known repeats before
 * their message is interpolated: on Bungie's spec typed-enum gives 664,521 raw results, 2,444 findings.
 */
function repeatKey(rule: RunnableRule, message: string, source: string | null | undefined, pathJson: string, missing: Segment[] | undefined, read: ReadonlySet<string>): string {
  let key = `${rule.name}\u0000${source === undefined ? '\u0001' : source === null ? '\u0002' : source}\u0000${pathJson}\u0000${message}`;
  if (read.has('property')) key += `\u0000${JSON.stringify(missing ?? null)}`;
  return key;
}

/** Turns one function's results into findings the way Spectral does: mapped back through `$ref`s to the file and place they came from. */
function keepResults(state: RunState, rule: RunnableRule, targetPath: Segment[], results: FunctionResult[]): void {
  const { inventory } = state;
  const ruleTemplated = rule.message !== null && isTemplate(rule.message);
  for (const result of results) {
    const escapedPath = (result.path ?? targetPath).map(decodeSegment);
    const item = state.associator.associate(escapedPath, rule.resolved);
    const path = item?.path ?? getClosestJsonPath(inventory.resolved, escapedPath);
    // undefined when the place maps to no document, null for a document without a file name.
    const source = item?.document.source;
    const document = item?.document ?? inventory.document;
    const templated = ruleTemplated || isTemplate(result.message);
    const read = templated ? variablesReadBy(result.message, rule.message) : NO_VARIABLES;
    const pathJson = JSON.stringify(path);
    // Repeats come from shared subtrees of the resolved document; on the unresolved one each place
    // is met once, and a repeated result is still dropped by its fingerprint below.
    if (rule.resolved && typeof result.message === 'string') {
      const repeat = repeatKey(rule, result.message, source, pathJson, item?.missingPropertyPath, read);
      if (state.mapped.has(repeat)) continue;
      state.mapped.add(repeat);
    }
    const vars = templated ? messageVariables(read, result.message, item, path, rule, document.data) : null;
    const resultMessage = messageFrom(result.message, vars);
    if (vars !== null) vars.error = resultMessage;
    const severity = typeof source === 'string' ? rule.getSeverityForSource(source, path) : rule.severity;
    if (severity === -1) continue;
    const message = (rule.message === null ? (rule.description ?? resultMessage) : messageFrom(rule.message, vars)).trim();
    let range: IRuleResult['range'] | undefined;
    const rangeOf = (): IRuleResult['range'] => (range ??= document.getRangeForJsonPath(path, true) ?? DEFAULT_RANGE);
    const id = fingerprint(rule.name, pathJson, path.length === 0, source ?? undefined, message, rangeOf);
    if (state.seen.has(id)) continue;
    state.seen.add(id);
    const kept = { code: rule.name, message, path, severity: severity as IRuleResult['severity'] } as IRuleResult;
    if (source !== null) kept.source = source;
    kept.range = rangeOf();
    kept.documentationUrl = rule.documentationUrl ?? undefined;
    state.results.push(kept);
  }
}

const DEFAULT_RANGE = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function callFunction(state: RunState, rule: RunnableRule, then: RunnableRule['then'][number], value: unknown, context: FunctionContext): void {
  let results: unknown;
  try {
    results = then.function(value, then.functionOptions ?? null, context);
  } catch (error) {
    throw new Error(`Function "${then.function.name}" threw an exception${isError(error) ? `: ${error.message}` : ''}`, { cause: error });
  }
  // Nothing to keep (keepResults would find nothing in an empty list).
  if (results === undefined || (Array.isArray(results) && results.length === 0)) return;
  // Read now: the context's path is reassigned for the next target.
  const { path } = context;
  if (typeof (results as Promise<unknown>).then === 'function') {
    state.promises.push((results as Promise<FunctionResult[] | undefined>).then((settled) => settled !== undefined && keepResults(state, rule, path, settled)));
  } else {
    keepResults(state, rule, path, results as FunctionResult[]);
  }
}

/**
 * Spectral's lintNode: one context per matched node, with its own copy of the path (a function
 * may keep it; the walk's array moves on), reassigned per target. A `then` without a field is
 * called on the node itself, without building Spectral's one-element target list.
 */
function runFunctions(state: RunState, node: { path: Segment[]; value: unknown }, rule: RunnableRule): void {
  const givenPath = node.path.length > 0 && node.path[0] === '$' ? node.path.slice(1) : node.path.slice();
  const context: FunctionContext = { document: state.inventory.document, documentInventory: state.inventory, rule, path: givenPath };
  for (const then of rule.then) {
    if (then.field === undefined) {
      context.path = givenPath;
      callFunction(state, rule, then, node.value, context);
      continue;
    }
    for (const target of getLintTargets(node.value, then.field)) {
      context.path = target.path.length > 0 ? [...givenPath, ...target.path] : givenPath;
      callFunction(state, rule, then, target.value, context);
    }
  }
}

/**
 * Runs one rule's functions on one matched node, as Spectral's own runner does. The rule's name
 * goes to the activity board (a run cut short by --timeout names it) and an exception names the
 * rule and the place.
 */
// "running rule x" per rule, built once: lintNode runs for every match.
const activityDetails = new WeakMap<RunnableRule, string>();

export function lintNode(state: RunState, node: { path: Segment[]; value: unknown }, rule: RunnableRule): void {
  let detail = activityDetails.get(rule);
  if (detail === undefined) activityDetails.set(rule, (detail = `running rule ${rule.name}`));
  setActivityDetail(detail);
  try {
    runFunctions(state, node, rule);
  } catch (error) {
    const at = node.path.filter((segment) => segment !== '$').join('.') || 'the document root';
    throw new RuleFailure(rule.name, at, error);
  }
}
