/**
 * What the snapshot's main function (snapshot-entry.cts) runs: the CLI, loaded by Node at run
 * time from its bundle (scripts/bundle-cli.mjs). The snapshot process's counterpart of
 * bin/apigov.js, and like it sets the exit code.
 */
// A variable: the bundle is made after tsc, from its output.
const BUNDLED_MAIN = '../bundle/main.js';

export async function runMain(argv: string[]): Promise<void> {
  const { main } = (await import(BUNDLED_MAIN)) as typeof import('../cli/main.js');
  process.exitCode = await main(argv);
}
