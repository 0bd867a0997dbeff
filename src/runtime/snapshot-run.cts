/** What the snapshot's main function (snapshot-entry.cts) runs: the CLI, loaded by Node at run time. */
export async function runMain(argv: string[]): Promise<void> {
  const { main } = await import('../cli/main.js');
  await main(argv);
}
