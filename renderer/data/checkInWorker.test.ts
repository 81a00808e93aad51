import { describe, expect, it } from 'vitest';
import { gzipSync } from 'fflate';
import { buildDemoData } from '../../shared/demo/demoCommunity';
import { makeBackupDocument } from '../../shared/backup/document';
import { piecesOf, readBackupPieces } from '../../shared/backup/restoreStream';
import { TABLE_NAMES, type TableRows } from '../../shared/store/schema';
import {
  CHUNKS_IN_FLIGHT,
  CheckWorkerUnavailable,
  checkThroughWorker,
  serveCheck,
  type CheckWorkerLike,
  type FromCheckWorker,
  type ToCheckWorker,
} from './checkInWorker';

const createdAt = new Date('2026-11-10T01:00:00Z');
const encoder = new TextEncoder();

function backupText(edit: (tables: TableRows) => void = () => undefined): string {
  const demo = buildDemoData(createdAt);
  const tables = Object.fromEntries(TABLE_NAMES.map((t) => [t, []])) as unknown as TableRows;
  tables.orgUnits = demo.orgUnits;
  tables.people = demo.people;
  tables.matters = demo.matters;
  tables.matterEvents = demo.matterEvents;
  edit(tables);
  return JSON.stringify(makeBackupDocument(tables, '0.1.0', createdAt));
}

/** The check worker in this process: each message crosses a task later, and what is unread is counted. */
function checkWorkerHere(options: { loadFails?: boolean } = {}) {
  let unread = 0;
  let mostUnread = 0;
  const worker: CheckWorkerLike & { terminated: boolean } = {
    onmessage: null,
    onerror: null,
    terminated: false,
    postMessage(message: ToCheckWorker, transfer?: Transferable[]) {
      if (message.kind === 'bytes') {
        mostUnread = Math.max(mostUnread, ++unread);
        // What crosses to a worker is moved: the window keeps no view on it.
        expect(transfer).toEqual([message.bytes.buffer]);
      }
      setTimeout(() => (options.loadFails ? worker.onerror?.({ message: 'SyntaxError' }) : handle(message)));
    },
    terminate() {
      worker.terminated = true;
    },
  };
  const handle = serveCheck((reply: FromCheckWorker) => {
    if (reply.kind === 'taken') unread--;
    setTimeout(() => worker.onmessage?.({ data: reply }));
  });
  return { worker, mostUnread: () => mostUnread };
}

/** The answer of the check in a worker and of the check in the window, for the same file. */
async function bothWays(bytes: Uint8Array, pieceBytes = 4_096) {
  const { worker, mostUnread } = checkWorkerHere();
  const read: number[] = [];
  const inWorker = await checkThroughWorker(worker, piecesOf(bytes, pieceBytes), (n) => read.push(n));
  const inWindow = await readBackupPieces(piecesOf(bytes, pieceBytes));
  expect(worker.terminated).toBe(true);
  expect(mostUnread()).toBeLessThanOrEqual(CHUNKS_IN_FLIGHT);
  return { inWorker, inWindow, read };
}

describe('a backup checked in a worker', () => {
  it('gives the window’s answer for a gzip backup, a plain one and damaged ones', async () => {
    const text = backupText();
    const gzipped = gzipSync(encoder.encode(text));
    const good = await bothWays(gzipped);
    expect(good.inWorker.ok).toBe(true);
    expect(good.inWorker).toEqual(good.inWindow);
    expect(good.read.at(-1)).toBe(gzipped.byteLength);

    const plain = await bothWays(encoder.encode(text));
    expect(plain.inWorker).toEqual(plain.inWindow);
    expect(plain.inWorker.ok).toBe(true);

    const cut = await bothWays(gzipped.subarray(0, gzipped.byteLength - 100));
    expect(cut.inWorker).toEqual({ ok: false, problem: { code: 'notJson' } });
    expect(cut.inWorker).toEqual(cut.inWindow);

    // A gzip inside a gzip is no backup either way: its text is not JSON.
    const twice = await bothWays(gzipSync(gzipped));
    expect(twice.inWorker).toEqual({ ok: false, problem: { code: 'notJson' } });
    expect(twice.inWorker).toEqual(twice.inWindow);

    const badRow = await bothWays(
      gzipSync(
        encoder.encode(
          backupText((tables) => {
            (tables.people[3] as { name: unknown }).name = 42;
          }),
        ),
      ),
    );
    expect(badRow.inWorker.ok).toBe(false);
    expect(badRow.inWorker).toEqual(badRow.inWindow);

    const notUtf8 = new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]);
    const binary = await bothWays(notUtf8);
    expect(binary.inWorker).toEqual({ ok: false, problem: { code: 'notJson' } });
  });

  it('leaves the source’s own bytes untouched (a file in memory is copied, not moved)', async () => {
    const bytes = encoder.encode(backupText());
    const copy = bytes.slice();
    const { worker } = checkWorkerHere();
    const answer = await checkThroughWorker(worker, piecesOf(bytes, 1_000));
    expect(answer.ok).toBe(true);
    expect(bytes).toEqual(copy);
  });

  it('says the worker is unavailable when it cannot load, and passes a failed read on', async () => {
    const gzipped = gzipSync(encoder.encode(backupText()));
    const broken = checkWorkerHere({ loadFails: true });
    await expect(checkThroughWorker(broken.worker, piecesOf(gzipped, 2_048))).rejects.toBeInstanceOf(
      CheckWorkerUnavailable,
    );
    expect(broken.worker.terminated).toBe(true);

    const { worker } = checkWorkerHere();
    let pieces = 0;
    const read = piecesOf(gzipped, 2_048);
    const failing = checkThroughWorker(worker, async () => {
      if (++pieces === 3) throw new Error('the stick was pulled out');
      return read();
    });
    await expect(failing).rejects.toThrow('the stick was pulled out');
    expect(worker.terminated).toBe(true);
  });
});
