// Ends the process once what it wrote has left it, with the command's exit code: Node's own end,
// after a large lint, spent ~40 ms more taking the heap apart (GitHub's description: 2.44 s
// against 2.40 s in the snapshot's process) for nothing a finished command needs. The entry files
// (bin/apigov.js, bin/snapshot-run.cjs) call it after the command returned: every file, worker and
// temporary folder the command used is closed by then. Writes to a pipe or file are synchronous on
// Linux; where they are not, this waits until the stream has passed on what it holds.
'use strict';

exports.endProcess = async (exitCode) => {
  process.exitCode = exitCode;
  for (const stream of [process.stdout, process.stderr]) {
    if (stream.writableLength === 0 || stream.destroyed) continue;
    await new Promise((resolve) => {
      stream.once('drain', resolve);
      stream.once('close', resolve);
      stream.once('error', resolve);
    });
  }
  process.exit();
};
