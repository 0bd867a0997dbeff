// One collation for every order apigov prints, whatever LANG says: String#localeCompare follows
// the process locale, and under tr_TR "I" sorts with "ı", which reordered diff reports. English
// collation keeps the order reports always had on an English or C locale. Made on first use:
// building it loads ICU's collation data (~10 ms), which a lint without findings never needs.
let english: Intl.Collator | undefined;

/** Compares two texts for output order, the same on every machine. */
export function compareText(a: string, b: string): number {
  english ??= new Intl.Collator('en');
  return english.compare(a, b);
}
