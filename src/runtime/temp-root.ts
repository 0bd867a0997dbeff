import { tmpdir } from 'node:os';

let root: string | undefined;

/**
 * Where this thread makes its temporary folders: the system's, or the folder the thread that
 * started a --timeout run gave it — that thread removes the folder however the run ends, since a
 * run stopped at its limit never gets to remove what it made (timed-run.ts).
 */
export function tempRoot(): string {
  return root ?? tmpdir();
}

export function useTempRoot(dir: string): void {
  root = dir;
}
