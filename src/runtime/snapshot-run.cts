/**
 * What the snapshot's main function (snapshot-entry.cts) runs: the CLI, loaded by Node at run
 * time. The snapshot process's counterpart of bin/apigov.js, and like it sets the exit code.
 */
export async function runMain(argv: string[]): Promise<void> {
  const { main } = await import('../cli/main.js');
  process.exitCode = await main(argv);
}
