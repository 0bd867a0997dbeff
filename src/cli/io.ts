/** Everything a command may touch of the outside world, so tests can run it in-process. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  env: Record<string, string | undefined>;
  /** stdout is a terminal: colour is allowed. */
  isTTY: boolean;
  /** stderr is a terminal: a progress bar is allowed there. */
  stderrIsTTY?: boolean;
  /** Resolves once stdout can take more (a long report waits here between pieces); absent: always. */
  stdoutDrained?(): Promise<void>;
}

interface StreamWriter {
  write(text: string): void;
  drained(): Promise<void>;
}

/**
 * Writes to one of the process's streams. A reader that goes away (`apigov lint … | head`: EPIPE)
 * ends the output quietly — before, an uncaught error and its stack trace; any other write error
 * is one line on stderr. `drained` lets a long report wait while the stream's buffer is full: on
 * a pipe Node queues what the reader has not taken yet, and GitHub's 18 MB JSON report was being
 * queued whole (60 MB more at the peak).
 */
function streamWriter(stream: NodeJS.WriteStream, name: string): StreamWriter {
  let gone = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (!gone && error.code !== 'EPIPE') process.stderr.write(`apigov: cannot write to ${name}: ${error.message}\n`);
    gone = true;
  });
  return {
    write: (text) => {
      if (!gone) stream.write(text);
    },
    drained: () =>
      new Promise((resolve) => {
        if (gone || stream.destroyed || !stream.writableNeedDrain) return resolve();
        const done = () => {
          stream.off('drain', done);
          stream.off('close', done);
          stream.off('error', done);
          resolve();
        };
        stream.on('drain', done);
        stream.on('close', done);
        stream.on('error', done);
      }),
  };
}

let writers: { stdout: StreamWriter; stderr: StreamWriter } | undefined;

export function processIo(): Io {
  writers ??= { stdout: streamWriter(process.stdout, 'stdout'), stderr: streamWriter(process.stderr, 'stderr') };
  return {
    stdout: writers.stdout.write,
    stderr: writers.stderr.write,
    stdoutDrained: writers.stdout.drained,
    cwd: process.cwd(),
    env: process.env,
    isTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
  };
}

/** Colour only on a terminal, never with NO_COLOR set; FORCE_COLOR turns it on regardless. */
export function colorEnabled(io: Io): boolean {
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return true;
  return io.isTTY;
}
