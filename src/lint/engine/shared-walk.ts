import { RuntimeError } from 'nimma/errors';
import { FilterFailure } from '../filter-guard.js';
import { Automaton, type Move, type StateSet, type Target } from './state-sets.js';
import type { Entry, RefEntries } from './ref-entries.js';

type Segment = string | number;
export type MatchCallback = (node: { path: Segment[]; value: unknown }) => void;

/** A walked path with its context (state-sets.ts) and what to call on each match. */
export interface WalkTarget extends Target {
  callback: MatchCallback;
}

const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null;

function printError(error: unknown): string {
  const printable = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? JSON.stringify(value) : 'unknown');
  return error instanceof Error ? `${error.constructor.name}(${printable(error.message)})` : printable(error);
}

/**
 * Walks a document for the paths Nimma would walk, with Nimma's semantics and order (depth first,
 * keys in Object.keys order, at each node the paths in the order given), as a set of small
 * automata: each node carries the positions its ancestors reached in every path, so a subtree no
 * path can match in is not entered at all.
 *
 * On the resolved document the same schema object appears wherever a `$ref` points at it — on
 * GitHub's description 2.0 million nodes for 0.26 million written. Given `entries`, a subtree met
 * again with the same positions for the repeatable paths, and a place whose results map back to
 * the same file places (ref-entries.ts), is not walked again for those paths: every match there
 * would repeat a match already made, run the same functions on the same node and give results
 * Spectral's runner drops as duplicates. Paths with other rules are still walked there.
 *
 * A callback's error is added to `errors` and the walk goes on, as in Nimma (whose caller throws
 * them together at the end); a filter that throws stops the walk with the place it was judging.
 */
export function walkPaths(root: object, targets: WalkTarget[], entries: RefEntries | null, errors: Error[]): void {
  const automaton = new Automaton(targets);
  const path: Segment[] = [];
  const output = { path, value: undefined as unknown };
  // Per object, the repeat keys (positions × signature) its children were walked with: the first
  // one as it is (most objects are walked once), a set once there are more.
  const done = new Map<object, number | string | Set<number | string>>();
  const wasDone = (value: object, key: number | string): boolean => {
    const keys = done.get(value);
    return keys === key || (keys instanceof Set && keys.has(key));
  };
  const markDone = (value: object, key: number | string): void => {
    const keys = done.get(value);
    if (keys === undefined) done.set(value, key);
    else if (keys instanceof Set) keys.add(key);
    else if (keys !== key) done.set(value, new Set([keys, key]));
  };

  // positionsBelow's answer, in two variables rather than an object per node (it runs at most nodes).
  let belowSet: StateSet | null = null;
  let remember: number | string | null = null;
  // A set without its repeatable positions, per set and place answers (few distinct ones per run).
  const reduced = new Map<string, StateSet | null>();
  // The repeatable positions and their answers (set.fixedKey + answers), numbered: few per run.
  const positionNumbers = new Map<string, number>();
  const POSITIONS = 4096;

  /** The number of a set's repeatable positions with these answers, remembered per set (one answer: no text built). */
  const positionsNumber = (set: StateSet, answers: string): number => {
    let number = set.positionNumbers.get(answers);
    if (number === undefined) {
      const key = `${set.fixedKey}${answers}`;
      number = positionNumbers.get(key);
      if (number === undefined) positionNumbers.set(key, (number = positionNumbers.size));
      set.positionNumbers.set(answers, number);
    }
    return number;
  };

  /**
   * The place-dependent positions' answers here, as text (`|state:answer` each, in order). When they
   * all share one context (one rule's paths: the media example rule has three, each with two deep
   * steps), it is asked once and the text is remembered per answer rather than built anew.
   */
  const placeAnswers = (set: StateSet): string => {
    const groups = set.placeGroups;
    if (groups.length === 1) {
      const { context, states } = groups[0]!;
      const answer = context(path);
      if (answer === null) return '';
      let text = set.answerTexts.get(answer);
      if (text === undefined) set.answerTexts.set(answer, (text = states.map((state) => `|${state}:${answer}`).join('')));
      return text;
    }
    let answers = '';
    for (const { state, context } of set.placeDependent) {
      const answer = context(path);
      if (answer !== null) answers += `|${state}:${answer}`;
    }
    return answers;
  };

  /** Sets belowSet and remember: the positions to walk an object's children with, without the repeatable ones when this is a repeat (see above). */
  const positionsBelow = (value: object, set: StateSet, entry: Entry): void => {
    belowSet = set;
    remember = null;
    const answers = placeAnswers(set);
    if (set.fixedKey === '' && answers === '') return;
    const signature = entries!.signature(entry, value);
    if (signature === null) return;
    const positions = positionsNumber(set, answers);
    // One number while the positions are few (they are: a handful of sets and answers per run).
    const doneKey = positions < POSITIONS ? signature * POSITIONS + positions : `${positions}:${signature}`;
    if (!wasDone(value, doneKey)) {
      remember = doneKey;
      return;
    }
    belowSet = answers === '' ? automaton.withoutFixed(set) : withoutRepeatable(set, answers);
  };

  /** The set without its fixed positions and the place-dependent ones that had an answer here. */
  const withoutRepeatable = (set: StateSet, answers: string): StateSet | null => {
    const id = `${set.id}${answers}`;
    if (reduced.has(id)) return reduced.get(id)!;
    const dropped = new Set(set.fixed);
    for (const { state, context } of set.placeDependent) if (context(path) !== null) dropped.add(state);
    const without = automaton.without(set, dropped);
    reduced.set(id, without);
    return without;
  };

  const visit = (key: Segment, value: unknown, from: StateSet, parentEntry: Entry | null) => {
    path.push(key);
    let move: Move;
    try {
      move = automaton.move(from, key, value, root);
    } catch (error) {
      if (errors.length > 0) throw new AggregateError(errors, 'Error running Nimma');
      throw new FilterFailure(path.join('.') || 'the document root', root, error);
    }
    for (const index of move.emits) {
      const target = targets[index]!;
      output.value = target.path.keys ? key : value;
      callSafely(target.path.expression, target.callback, output, errors);
    }
    if (move.live !== null && isObject(value)) {
      const entry = parentEntry === null ? null : entries!.child(parentEntry, key);
      if (entry === null) {
        walkChildren(value, move.live, entry);
      } else {
        positionsBelow(value, move.live, entry);
        // Read before walking the children: their own visits overwrite the two.
        const set = belowSet;
        const doneKey = remember;
        if (set !== null) walkChildren(value, set, entry);
        if (doneKey !== null) markDone(value, doneKey);
      }
    }
    path.pop();
  };

  const walkChildren = (node: object, set: StateSet, entry: Entry | null) => {
    if (Array.isArray(node)) {
      for (let index = 0; index < node.length; index += 1) visit(index, node[index], set, entry);
    } else {
      for (const key of Object.keys(node)) visit(key, (node as Record<string, unknown>)[key], set, entry);
    }
  };

  const start = automaton.start();
  if (start !== null) walkChildren(root, start, entries === null ? null : entries.root());
}

/** Calls a match callback the way Nimma's proxied callbacks do: an error is recorded, named after the path, and the walk goes on. */
export function callSafely(expression: string, callback: MatchCallback, node: { path: Segment[]; value: unknown }, errors: Error[]): void {
  try {
    callback(node);
  } catch (error) {
    errors.push(new RuntimeError(`${expression} threw: ${printError(error)}`, { cause: error }));
  }
}
