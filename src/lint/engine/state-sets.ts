import type { FilterPredicate } from './filter-predicate.js';
import { NOTHING_ELSE, type PlaceContext } from './path-independence.js';
import type { WalkedPath } from './path-plan.js';

type Segment = string | number;

// A state is one path's position: index * STEPS + steps matched so far.
const STEPS = 1024;

export interface Target {
  path: WalkedPath;
  /** What the path's rules read from the place besides the node; null: unknown (path-independence.ts). */
  context: PlaceContext | null;
}

/** Where a child leads: the paths it completes (target indexes, in order) and the positions its own children start from. */
export interface Move {
  emits: number[];
  live: StateSet | null;
}

/**
 * One set of positions (every path's progress at a node), built once per distinct set, with its
 * steps grouped by kind so a child's next set is found by key lookups, and the next set for each
 * (key, filter verdicts) remembered: most nodes of a walk repeat a set and a key seen before.
 */
export class StateSet {
  readonly deep: number[] = [];
  readonly strict = new Map<string, number[]>();
  readonly loose = new Map<string, number[]>();
  readonly any: number[] = [];
  readonly filters: { state: number; test: FilterPredicate }[] = [];
  /** The move per key when no filter holds (all of them for a set without filters). */
  readonly moves = new Map<Segment, Move>();
  /** With filters: the move per key and verdicts, for nodes where some filter holds. */
  readonly filteredMoves = new Map<Segment, Map<number | string, Move>>();
  /** The repeatable positions whose rules read nothing from the place, as a key part. */
  fixedKey = '';
  readonly fixed: number[] = [];
  /** Repeatable positions whose rules read something from the place (asked per node). */
  readonly placeDependent: { state: number; context: PlaceContext }[] = [];
  /** This set without its `fixed` positions, once asked for. */
  withoutFixed: StateSet | null | undefined;
  /** The move of a key that advances no position (deep positions only), once met. */
  idle: Move | undefined;
  /** shared-walk.ts's numbers for this set's repeatable positions, by the place answers. */
  readonly positionNumbers = new Map<string, number>();
  /** The place-dependent positions grouped by context (one rule's paths share one): asked once per group. */
  readonly placeGroups: { context: PlaceContext; states: number[] }[] = [];
  /** With one group: the answers' text for shared-walk.ts (`|state:answer` per position), by answer. */
  readonly answerTexts = new Map<string, string>();

  constructor(
    readonly id: number,
    readonly states: number[],
  ) {}
}

/** The verdicts a key from `move` stands for. */
function verdictsOf(key: number | string, count: number): boolean[] {
  if (typeof key === 'string') return [...key].map((bit) => bit === '1');
  return Array.from({ length: count }, (_, index) => (key & (1 << index)) !== 0);
}

/** A verdict key with every filter false: `move` builds its number that way, or its text past 30 filters. */
const noneHold = (key: number | string): boolean => key === 0 || (typeof key === 'string' && !key.includes('1'));

export class Automaton {
  private readonly sets = new Map<string, StateSet>();

  constructor(private readonly targets: Target[]) {}

  /** Every path at its start: the positions at the document root. */
  start(): StateSet | null {
    return this.intern(this.targets.map((_, index) => index * STEPS));
  }

  /** The set of these positions (sorted, distinct); null for none. */
  intern(states: number[]): StateSet | null {
    if (states.length === 0) return null;
    const id = states.join(',');
    let set = this.sets.get(id);
    if (set === undefined) {
      set = this.build(states);
      this.sets.set(id, set);
    }
    return set;
  }

  private build(states: number[]): StateSet {
    const set = new StateSet(this.sets.size, states);
    for (const state of states) {
      const target = this.targets[Math.floor(state / STEPS)]!;
      const step = target.path.steps[state % STEPS]!;
      if (step.deep) set.deep.push(state);
      if (step.kind === 'any') set.any.push(state);
      else if (step.kind === 'filter') set.filters.push({ state, test: step.test });
      else {
        for (const name of step.names) {
          const byName = name.loose ? set.loose : set.strict;
          byName.set(name.text, [...(byName.get(name.text) ?? []), state]);
        }
      }
      if (target.context === NOTHING_ELSE) set.fixed.push(state);
      else if (target.context !== null) set.placeDependent.push({ state, context: target.context });
    }
    set.fixedKey = set.fixed.join(',');
    for (const { state, context } of set.placeDependent) {
      const group = set.placeGroups.find((candidate) => candidate.context === context);
      if (group === undefined) set.placeGroups.push({ context, states: [state] });
      else group.states.push(state);
    }
    return set;
  }

  /** The set without some of its positions. */
  without(set: StateSet, dropped: ReadonlySet<number>): StateSet | null {
    return this.intern(set.states.filter((state) => !dropped.has(state)));
  }

  withoutFixed(set: StateSet): StateSet | null {
    if (set.withoutFixed === undefined) set.withoutFixed = this.without(set, new Set(set.fixed));
    return set.withoutFixed;
  }

  /**
   * Where a child with this key and value leads from the set. Filters run every time (their
   * verdicts and exceptions are the walk's); the rest is remembered. Most nodes under a `$..`
   * filter pass none of them: those moves are kept per key alone, like a set without filters.
   */
  move(set: StateSet, key: Segment, value: unknown, root: unknown): Move {
    if (set.filters.length === 0) return this.plainMove(set, key);
    // The verdicts as bits (the walk visits most nodes with filters live; no array per node), or as text past 30 filters.
    const { filters } = set;
    let verdictKey: number | string = 0;
    if (filters.length <= 30) {
      for (let index = 0; index < filters.length; index += 1) if (filters[index]!.test(value, key, root)) verdictKey |= 1 << index;
    } else {
      verdictKey = '';
      for (const filter of filters) verdictKey += filter.test(value, key, root) ? '1' : '0';
    }
    if (noneHold(verdictKey)) return this.plainMove(set, key);
    let byVerdict = set.filteredMoves.get(key);
    if (byVerdict === undefined) set.filteredMoves.set(key, (byVerdict = new Map()));
    let move = byVerdict.get(verdictKey);
    if (move === undefined) byVerdict.set(verdictKey, (move = this.compute(set, key, verdictsOf(verdictKey, filters.length))));
    return move;
  }

  /** The move of a key when no filter holds, remembered per key. */
  private plainMove(set: StateSet, key: Segment): Move {
    let move = set.moves.get(key);
    if (move === undefined) set.moves.set(key, (move = this.compute(set, key, null)));
    return move;
  }

  private compute(set: StateSet, key: Segment, verdicts: boolean[] | null): Move {
    // Most keys of a deep walk advance no path (an ordinary property name under `$..`): then only
    // the deep positions carry on, whatever the key — one move per set.
    const advances = (typeof key === 'string' && set.strict.has(key)) || set.loose.has(String(key)) || set.any.length > 0 || (verdicts?.includes(true) ?? false);
    if (!advances) return (set.idle ??= { emits: [], live: this.intern([...set.deep]) });
    const next = new Set<number>(set.deep);
    const advance = (states: number[] | undefined) => {
      for (const state of states ?? []) next.add(state + 1);
    };
    if (typeof key === 'string') advance(set.strict.get(key));
    advance(set.loose.get(String(key)));
    advance(set.any);
    // null: no filter holds (or the set has none).
    if (verdicts !== null) set.filters.forEach((filter, index) => verdicts[index] && next.add(filter.state + 1));
    const emits: number[] = [];
    const live: number[] = [];
    for (const state of [...next].sort((a, b) => a - b)) {
      const index = Math.floor(state / STEPS);
      if (state % STEPS === this.targets[index]!.path.steps.length) emits.push(index);
      else live.push(state);
    }
    return { emits, live: this.intern(live) };
  }
}
