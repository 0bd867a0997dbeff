#!/usr/bin/env node
// The only place that ends the process: everything else returns an exit code.
// Started from the snapshot when there is a usable one (src/runtime/snapshot-launch.cts): its
// Spectral packages and apigov's own code are already loaded. Otherwise, or when Node refuses it,
// in this process, from the CLI's bundle (scripts/bundle-cli.mjs): a few files, not ~270 modules.
// CommonJS (bin/package.json), like the launcher code it requires: starting the snapshot's process
// then takes no trip through Node's ES module loader.
'use strict';
const { runFromSnapshot, usableSnapshot } = require('../dist/runtime/snapshot-launch.cjs');

async function launch(args) {
  const blob = usableSnapshot(process.env, process.execArgv);
  const outcome = blob === null ? { refused: true } : await runFromSnapshot(blob, args);
  if ('signal' in outcome) process.kill(process.pid, outcome.signal);
  else if ('exitCode' in outcome) {
    // This process wrote nothing and holds nothing: it ends as soon as the snapshot's process has.
    process.exit(outcome.exitCode);
  } else {
    const { main } = await import('../dist/bundle/main.js');
    await require('./end-process.cjs').endProcess(await main(args));
  }
}

launch(process.argv.slice(2));
