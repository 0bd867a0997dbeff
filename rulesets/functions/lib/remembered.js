// Shared by the house functions (Spectral bundles relative imports with rollup, apigov imports
// them natively). The same texts — property names, paths, media types — recur thousands of times
// in a large description, so a verdict is worked out once per text. Bounded, as the texts come
// from the linted documents.
export function remembered(judge, limit = 100_000) {
  const verdicts = new Map();
  return (text) => {
    let verdict = verdicts.get(text);
    if (verdict === undefined) {
      verdict = judge(text);
      if (verdicts.size < limit) verdicts.set(text, verdict);
    }
    return verdict;
  };
}
