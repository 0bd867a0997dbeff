type Segment = string | number;

// A path this deep gets an index; one back under half of it drops it (the gap keeps a walk
// around the threshold from rebuilding it on every step). Shallow paths are scanned faster
// than an index is kept up to date.
const INDEX_FROM = 64;
const DROP_BELOW = 32;

/**
 * Nimma's code for a deep path such as `$..content..[?(…)]` asks, at every node it walks,
 * `scope.path.indexOf('content')`: a scan of the whole path from the root. Once `$ref`s are
 * resolved, paths can run hundreds of segments deep (thousands for a chain of refs), and the
 * walk turns quadratic: minutes on a 256 KB spec that chains 3,000 schemas. This gives one path
 * array, once it is deep, an index of where each segment sits, kept up to date by the only two
 * calls that change it (push on enter, pop on exit), so `indexOf` answers from the index with
 * exactly the array method's result.
 */
export function indexPath(path: Segment[]): void {
  const { push, pop, indexOf } = Array.prototype;
  let positions: Map<Segment, number[]> | null = null;
  // The length the index knows of; any other change to the array (`length = 0`, a splice)
  // makes them differ, and from then on the array's own methods answer.
  let indexed = 0;

  const build = (array: Segment[]) => {
    positions = new Map();
    for (let i = 0; i < array.length; i++) {
      const at = positions.get(array[i]!);
      if (at === undefined) positions.set(array[i]!, [i]);
      else at.push(i);
    }
  };

  Object.defineProperties(path, {
    push: {
      value(this: Segment[], segment: Segment): number {
        // Nimma pushes one segment at a time; anything else retires the index for good.
        if (arguments.length !== 1 || indexed !== this.length) {
          indexed = -1;
          positions = null;
          return push.apply(this, arguments as unknown as Segment[]);
        }
        if (positions !== null) {
          const at = positions.get(segment);
          if (at === undefined) positions.set(segment, [this.length]);
          else at.push(this.length);
        }
        indexed += 1;
        const length = push.call(this, segment);
        if (positions === null && length === INDEX_FROM) build(this);
        return length;
      },
    },
    pop: {
      value(this: Segment[]): Segment | undefined {
        if (indexed === this.length && this.length > 0) {
          indexed -= 1;
          if (positions !== null) {
            if (this.length <= DROP_BELOW) positions = null;
            else positions.get(this[this.length - 1]!)!.pop();
          }
        }
        return pop.call(this) as Segment | undefined;
      },
    },
    indexOf: {
      value(this: Segment[], segment: Segment, from = 0): number {
        // The index answers what Nimma asks: a forward search from a whole position >= 0.
        if (positions === null || indexed !== this.length || !Number.isInteger(from) || from < 0) return indexOf.call(this, segment, from);
        const at = positions.get(segment);
        if (at === undefined) return -1;
        for (const position of at) if (position >= from) return position;
        return -1;
      },
    },
  });
}
