import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createDb } from './db';
import { pageReader } from './backupPages';
import {
  BackupWorkerUnavailable,
  PIECES_IN_FLIGHT,
  ackWindow,
  backupThroughWorker,
  runBackupJob,
  type BackupJob,
  type BackupWorkerLike,
  type FromBackupWorker,
  type ToBackupWorker,
} from './backupInWorker';
import { serveGzip, type GzipWorkerLike } from './gzipInWorker';
import { writeBackupPieces } from '../../shared/backup/stream';
import { withRosterKeys } from '../../shared/roster/rosterKeys';
import type { Person } from '../../shared/domain/person';
import { Refusal } from '../../shared/refusal';

const NOW = '2026-11-10T09:00:00.000Z';

function person(i: number): Person {
  return withRosterKeys({
    id: `p${String(i).padStart(5, '0')}`,
    name: `居民${i}𠮷`,
    roles: ['resident'],
    isGridWorker: false,
    isMediator: false,
    isPartyMember: i % 3 === 0,
    // A long note: the backup comes in a dozen pieces, enough to see the worker wait for them taken.
    note: `第${i}号：${'楼道堆物需清理，'.repeat(60)}`,
    initials: 'jm',
    createdAt: NOW,
    updatedAt: NOW,
  });
}

async function filledDb() {
  const opts = { indexedDB: new IDBFactory(), IDBKeyRange };
  const db = createDb('yishi', opts);
  await db.orgUnits.add({ id: 'o1', parentId: null, level: 'district', name: '垦利区', order: 0 });
  await db.people.bulkAdd(Array.from({ length: 2_500 }, (_, i) => person(i)));
  const open = async (name: string) => {
    const dynamic = new Dexie(name, opts);
    await dynamic.open();
    return dynamic;
  };
  return { db, open };
}

/**
 * The worker's side run in this process behind the worker's interface: messages cross as they
 * would (each a task later), and what the worker posted is counted.
 */
function inProcessWorker(
  open: (name: string) => Promise<Dexie>,
  failPosting?: (m: FromBackupWorker) => boolean,
  pieceBytes = 4_096,
  startGzipWorker?: () => GzipWorkerLike,
) {
  const window = ackWindow();
  let untaken = 0;
  let mostUntaken = 0;
  const worker: BackupWorkerLike & { terminated: boolean } = {
    onmessage: null,
    onerror: null,
    terminated: false,
    postMessage(message: ToBackupWorker) {
      setTimeout(() => {
        if (message.kind === 'ack') {
          untaken--;
          window.acked();
          return;
        }
        void runBackupJob(
          message.job,
          open,
          (reply) => {
            if (failPosting?.(reply)) throw new Error('posting failed');
            if (reply.kind === 'bytes') mostUntaken = Math.max(mostUntaken, ++untaken);
            setTimeout(() => worker.onmessage?.({ data: reply }));
          },
          window,
          pieceBytes,
          startGzipWorker,
        );
      });
    },
    terminate() {
      worker.terminated = true;
    },
  };
  return { worker, mostUntaken: () => mostUntaken };
}

const job: BackupJob = { dbName: 'yishi', appVersion: 't', createdAt: NOW };

/** The compressing worker in this process: messages cross a task later, as between threads. */
function gzipWorkerHere(): GzipWorkerLike {
  const worker: GzipWorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage: (message) => setTimeout(() => handle(message)),
    terminate() {},
  };
  const handle = serveGzip((reply) => setTimeout(() => worker.onmessage?.({ data: reply })), 4_096);
  return worker;
}

describe('the backup written in a worker', () => {
  it('gives the very backup the window writes itself, compressed, and never has more than a few pieces untaken', async () => {
    const { db, open } = await filledDb();
    let inWindow = '';
    const counts = await writeBackupPieces(pageReader(db), {
      appVersion: 't',
      createdAt: new Date(NOW),
      write: async (piece) => void (inWindow += piece),
    });

    const { worker, mostUntaken } = inProcessWorker(open);
    const pieces: Uint8Array[] = [];
    const fromWorker = await backupThroughWorker(worker, job, async (bytes) => {
      pieces.push(bytes);
      // A slow disk: the worker must wait for it rather than pile pieces up.
      await new Promise((resolve) => setTimeout(resolve, 2));
    });
    expect(fromWorker).toEqual(counts);
    expect(counts.people).toBe(2_500);
    // One gzip stream in pieces, whose text is what the window writes.
    expect(gunzipSync(Buffer.concat(pieces)).toString('utf8')).toBe(inWindow);
    expect(pieces.every((p) => p.length >= 4_096 || p === pieces.at(-1))).toBe(true);
    // The roster keys stay out of the backup, as in the window.
    expect(inWindow).not.toContain('"nameKeys"');
    expect(pieces.length).toBeGreaterThan(2);
    expect(mostUntaken()).toBeLessThanOrEqual(PIECES_IN_FLIGHT);
    expect(worker.terminated).toBe(true);
  });

  it('gives the same backup when a worker of its own compresses it', async () => {
    const { db, open } = await filledDb();
    let inWindow = '';
    await writeBackupPieces(pageReader(db), {
      appVersion: 't',
      createdAt: new Date(NOW),
      write: async (piece) => void (inWindow += piece),
    });
    const compressing: Array<ReturnType<typeof gzipWorkerHere>> = [];
    const { worker } = inProcessWorker(open, undefined, 4_096, () => {
      compressing.push(gzipWorkerHere());
      return compressing.at(-1)!;
    });
    const pieces: Uint8Array[] = [];
    await backupThroughWorker(worker, job, async (bytes) => void pieces.push(bytes));
    expect(compressing).toHaveLength(1);
    expect(pieces.length).toBeGreaterThan(2);
    expect(gunzipSync(Buffer.concat(pieces)).toString('utf8')).toBe(inWindow);
  });

  it('says the worker is unavailable when it fails before a byte, and fails the backup after one', async () => {
    const { open } = await filledDb();
    const closed = inProcessWorker(async () => {
      throw new Error('DatabaseClosedError');
    });
    await expect(backupThroughWorker(closed.worker, job, async () => undefined)).rejects.toBeInstanceOf(
      BackupWorkerUnavailable,
    );
    expect(closed.worker.terminated).toBe(true);

    const { worker } = inProcessWorker(open);
    let taken = 0;
    const failing = backupThroughWorker(worker, job, async () => {
      if (++taken === 2) throw new Error('disk full');
    });
    await expect(failing).rejects.toThrow('disk full');
    expect(worker.terminated).toBe(true);

    // The worker's reading failing half-way: refused in the user's words, the cause kept.
    let posted = 0;
    const halfWay = inProcessWorker(open, (reply) => reply.kind === 'bytes' && ++posted === 3);
    const refused = await backupThroughWorker(halfWay.worker, job, async () => undefined).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(Refusal);
    expect((refused as Refusal).code).toBe('backupReadFailed');
    expect(String((refused as Refusal).cause)).toContain('posting failed');
    expect(halfWay.worker.terminated).toBe(true);

    // A worker that could not even load (its script failed): unavailable, nothing written.
    const broken: BackupWorkerLike = {
      onmessage: null,
      onerror: null,
      postMessage() {
        setTimeout(() => broken.onerror?.({ message: 'SyntaxError' }));
      },
      terminate() {},
    };
    await expect(backupThroughWorker(broken, job, async () => undefined)).rejects.toBeInstanceOf(
      BackupWorkerUnavailable,
    );
  });
});
