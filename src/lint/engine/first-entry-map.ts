/**
 * A map for the tables the walks keep per place (a refMap state's next states, a walk state's
 * signature numbers): nearly all of them only ever get one key. The first entry is held in two
 * fields and a Map is made only for a second key; a Map per place was tens of megabytes of
 * long-lived tables on GitHub's description, copied by every scavenge that met them. Keys are
 * compared as a Map compares them (SameValueZero).
 */
export class FirstEntryMap<K, V> {
  private filled = false;
  private firstKey: K | undefined;
  private firstValue: V | undefined;
  private others: Map<K, V> | undefined;

  get(key: K): V | undefined {
    if (this.filled && sameValueZero(this.firstKey, key)) return this.firstValue;
    return this.others?.get(key);
  }

  set(key: K, value: V): this {
    if (!this.filled) {
      this.filled = true;
      this.firstKey = key;
      this.firstValue = value;
    } else if (sameValueZero(this.firstKey, key)) {
      this.firstValue = value;
    } else {
      (this.others ??= new Map()).set(key, value);
    }
    return this;
  }
}

// NaN is the only value `===` does not find equal to itself; +0 and -0 are equal to both.
const sameValueZero = (left: unknown, right: unknown): boolean => left === right || (left !== left && right !== right);
