import type { Io } from './io.js';

const WIDTH = 30;

/**
 * A progress bar on stderr for runs over several files — only on a terminal, so it never mixes
 * into reports, pipes or CI logs. It redraws one line and clears it when done.
 */
export function createProgress(io: Io): { update: (done: number, total: number) => void; done: () => void } {
  let drawn = false;
  if (!io.stderrIsTTY || io.env.CI) return { update: () => {}, done: () => {} };
  return {
    update(done, total) {
      if (total < 2) return;
      const filled = Math.round((done / total) * WIDTH);
      io.stderr(`\r[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${done}/${total} files`);
      drawn = true;
    },
    done() {
      if (drawn) io.stderr(`\r${' '.repeat(WIDTH + 24)}\r`);
    },
  };
}
