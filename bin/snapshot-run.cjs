// bin/apigov.js's counterpart in a run started from the start-up snapshot: the snapshot's main
// function (src/runtime/snapshot-entry.cts) requires this file, which Node loads at run time —
// code compiled into a snapshot cannot call import(), this file can. Runs the CLI from its
// bundle and, like bin/apigov.js, sets the exit code.
'use strict';

exports.runMain = async (argv) => {
  const { main } = await import('../dist/bundle/main.js');
  process.exitCode = await main(argv);
};
