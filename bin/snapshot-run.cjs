// bin/apigov.js's counterpart in a run started from the start-up snapshot: the snapshot's main
// function (src/runtime/snapshot-entry.cts) requires this file, which Node loads at run time, and
// hands it the CLI's bundle when the snapshot holds apigov's own code too (dist/snapshot-bundle/).
// Code compiled into a snapshot cannot call import(); this file can: the CLI gets its import()
// from here, or, without the bundle in the snapshot, is imported from here. Like bin/apigov.js,
// it ends the process with the command's exit code.
'use strict';
const { endProcess } = require('./end-process.cjs');

exports.runMain = async (argv, bundle) => {
  if (bundle !== undefined) return endProcess(await bundle.snapshotMain(argv, (specifier) => import(specifier)));
  const { main } = await import('../dist/bundle/main.js');
  await endProcess(await main(argv));
};
