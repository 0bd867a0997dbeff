// First: startup.ts (the code cache, …) must run before any CommonJS dependency loads.
import '../runtime/startup.js';
import { parentPort, workerData } from 'node:worker_threads';
import { installActivityBoard } from '../runtime/activity.js';
import { useTempRoot } from '../runtime/temp-root.js';
import type { Io } from './io.js';
import { runInProcess } from './program.js';
import type { TimedRunMessage } from './timed-run.js';

// The thread a --timeout run works on (see timed-run.ts): the CLI as usual, its output posted back.
const data = workerData as { argv: string[]; cwd: string; env: Record<string, string | undefined>; isTTY: boolean; stderrIsTTY?: boolean; board: SharedArrayBuffer; tempRoot?: string };
installActivityBoard(data.board);
if (data.tempRoot !== undefined) useTempRoot(data.tempRoot);
const post = (message: TimedRunMessage) => parentPort!.postMessage(message);
const io: Io = {
  stdout: (text) => post({ stream: 'stdout', text }),
  stderr: (text) => post({ stream: 'stderr', text }),
  cwd: data.cwd,
  env: data.env,
  isTTY: data.isTTY,
  stderrIsTTY: data.stderrIsTTY,
};
post({ exitCode: await runInProcess(data.argv, io) });
