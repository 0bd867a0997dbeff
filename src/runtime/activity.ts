import { threadId } from 'node:worker_threads';

/**
 * What each thread of a run is doing right now, in shared memory, so that the thread enforcing
 * `--timeout` can say which file (and rule) a stuck run was busy with. A thread stuck in a
 * regular expression cannot post a message, but the words it wrote before starting stay
 * readable. Writing is a no-op unless a board was installed (only runs under --timeout pay).
 */

const SLOTS = 64;
const SUBJECT_BYTES = 512;
const DETAIL_BYTES = 256;
// Per slot: owner thread (+1, so 0 means free), subject length, detail length.
const HEADER_INTS = 3;
const SLOT_BYTES = SUBJECT_BYTES + DETAIL_BYTES;

export interface Activity {
  /** A file, or what is being compared. */
  subject: string;
  /** "running rule x", when known. */
  detail?: string;
}

let header: Int32Array | undefined;
let bytes: Uint8Array | undefined;
let slot = -1;
let lastDetail: string | undefined;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function createActivityBoard(): SharedArrayBuffer {
  return new SharedArrayBuffer(SLOTS * (HEADER_INTS * 4 + SLOT_BYTES));
}

/** Lets this thread write to the board; each thread claims a slot of its own. */
export function installActivityBoard(board: SharedArrayBuffer): void {
  header = new Int32Array(board, 0, SLOTS * HEADER_INTS);
  bytes = new Uint8Array(board, SLOTS * HEADER_INTS * 4);
  for (let i = 0; i < SLOTS; i += 1) {
    if (Atomics.compareExchange(header, i * HEADER_INTS, 0, threadId + 1) === 0) {
      slot = i;
      return;
    }
  }
}

/** The board this thread writes to, for the worker threads it starts. */
export function installedActivityBoard(): SharedArrayBuffer | undefined {
  return header?.buffer as SharedArrayBuffer | undefined;
}

function write(text: string, offset: number, room: number, lengthIndex: number): void {
  const { written } = encoder.encodeInto(text, bytes!.subarray(offset, offset + room));
  Atomics.store(header!, slot * HEADER_INTS + lengthIndex, written);
}

export function beginActivity(subject: string): void {
  if (slot === -1) return;
  write(subject, slot * SLOT_BYTES, SUBJECT_BYTES, 1);
  Atomics.store(header!, slot * HEADER_INTS + 2, 0);
  lastDetail = undefined;
}

export function setActivityDetail(detail: string): void {
  if (slot === -1 || detail === lastDetail) return;
  lastDetail = detail;
  write(detail, slot * SLOT_BYTES + SUBJECT_BYTES, DETAIL_BYTES, 2);
}

export function endActivity(): void {
  if (slot === -1) return;
  Atomics.store(header!, slot * HEADER_INTS + 1, 0);
  Atomics.store(header!, slot * HEADER_INTS + 2, 0);
  lastDetail = undefined;
}

/** What every thread was doing when the board was read (threads with nothing under way left out). */
export function readActivities(board: SharedArrayBuffer): Activity[] {
  const view = new Int32Array(board, 0, SLOTS * HEADER_INTS);
  const text = new Uint8Array(board, SLOTS * HEADER_INTS * 4);
  const activities: Activity[] = [];
  for (let i = 0; i < SLOTS; i += 1) {
    const subjectLength = Atomics.load(view, i * HEADER_INTS + 1);
    if (subjectLength === 0) continue;
    const detailLength = Atomics.load(view, i * HEADER_INTS + 2);
    const subject = decoder.decode(text.slice(i * SLOT_BYTES, i * SLOT_BYTES + subjectLength));
    const detail = detailLength > 0 ? decoder.decode(text.slice(i * SLOT_BYTES + SUBJECT_BYTES, i * SLOT_BYTES + SUBJECT_BYTES + detailLength)) : undefined;
    activities.push({ subject, detail });
  }
  return activities;
}
