import * as fsp from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BACKUP_KEEP, backupId } from '../shared/backup/rotation';
import type { AtomicWriteFs } from './atomicWrite';
import { BACKUP_READ_PIECE_BYTES, createBackupStore, type BackupStore } from './backupStore';

/** A backup's whole text, read back the way a restore reads it: piece after piece. */
async function readWhole(store: BackupStore, id: string): Promise<string> {
  const pieces: Uint8Array[] = [];
  for (let index = 0; ; index++) {
    const piece = await store.readBackupPiece(id, index);
    if (!piece) break;
    pieces.push(piece);
  }
  return Buffer.concat(pieces).toString('utf8');
}

let root: string;
let dir: string;

beforeEach(async () => {
  root = await fsp.mkdtemp(path.join(tmpdir(), 'yishi-backups-'));
  dir = path.join(root, 'backups');
});

afterEach(async () => {
  await fsp.rm(root, { recursive: true, force: true });
});

const content = JSON.stringify({ formatName: 'yishi-backup', data: ['议事'] });
const at = (day: number, ms = 0) => new Date(2024, 0, day, 9, 30, 0, ms);

describe('writeBackup', () => {
  it('creates the folder, writes the file and reports it', async () => {
    const store = createBackupStore(dir);
    const entry = await store.writeBackup('manual', content, at(1));
    expect(entry).toEqual({
      id: backupId('manual', at(1)),
      reason: 'manual',
      createdAt: at(1).toISOString(),
      sizeBytes: Buffer.byteLength(content),
    });
    expect(await fsp.readFile(path.join(dir, entry.id), 'utf8')).toBe(content);
  });

  it('leaves no temp files behind', async () => {
    const store = createBackupStore(dir);
    for (let day = 1; day <= 3; day++) await store.writeBackup('daily', content, at(day));
    const names = await fsp.readdir(dir);
    expect(names.every((n) => /^yishi-backup-daily-\d{8}-\d{6}-\d{3}\.json\.gz$/.test(n))).toBe(true);
    expect(names).toHaveLength(3);
  });

  it('keeps the newest BACKUP_KEEP of a kind and leaves other kinds alone', async () => {
    const store = createBackupStore(dir);
    await store.writeBackup('preUpgrade', content, at(1));
    const total = BACKUP_KEEP.daily + 3;
    for (let day = 1; day <= total; day++) await store.writeBackup('daily', content, at(day));
    const list = await store.listBackups();
    const daily = list.filter((e) => e.reason === 'daily');
    expect(daily).toHaveLength(BACKUP_KEEP.daily);
    expect(daily.at(-1)?.id).toBe(backupId('daily', at(4)));
    expect(daily[0]?.id).toBe(backupId('daily', at(total)));
    expect(list.filter((e) => e.reason === 'preUpgrade')).toHaveLength(1);
  });

  it('never overwrites a backup written in the same millisecond', async () => {
    const store = createBackupStore(dir);
    const [a, b] = await Promise.all([
      store.writeBackup('manual', '{"a":1}', at(1)),
      store.writeBackup('manual', '{"b":2}', at(1)),
    ]);
    expect(a.id).not.toBe(b.id);
    expect(await readWhole(store, a.id)).toBe('{"a":1}');
    expect(await readWhole(store, b.id)).toBe('{"b":2}');
  });

  it('keeps rotation right under concurrent writes', async () => {
    const store = createBackupStore(dir);
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.writeBackup('preRestore', content, at(1, i))));
    expect(await store.listBackups()).toHaveLength(BACKUP_KEEP.preRestore);
  });

  it('reports a failed write and leaves nothing half-written', async () => {
    let broken = true;
    const atomicFs: AtomicWriteFs = {
      ...fsp,
      rename: (from, to) => (broken ? Promise.reject(new Error('disk gone')) : fsp.rename(from, to)),
    };
    const store = createBackupStore(dir, { atomicFs });
    await expect(store.writeBackup('manual', content, at(1))).rejects.toThrow('disk gone');
    expect(await fsp.readdir(dir)).toEqual([]);
    // One failure must not jam the write queue for the rest of the session.
    broken = false;
    await expect(store.writeBackup('manual', content, at(2))).resolves.toMatchObject({ reason: 'manual' });
  });
});

describe('listBackups', () => {
  it('is empty when the folder does not exist yet', async () => {
    expect(await createBackupStore(dir).listBackups()).toEqual([]);
  });

  it('ignores foreign files, temp files, folders and symlinks, newest first', async () => {
    const store = createBackupStore(dir);
    await store.writeBackup('daily', content, at(1));
    await store.writeBackup('manual', content, at(3));
    await fsp.writeFile(path.join(dir, 'notes.txt'), 'x');
    await fsp.writeFile(path.join(dir, 'yishi-backup-daily-2024.json'), 'x');
    await fsp.writeFile(path.join(dir, `.${backupId('daily', at(2))}.0123456789ab.tmp`), 'x');
    await fsp.writeFile(path.join(dir, backupId('daily', at(5)).replace('.json', '.json.bak')), 'x');
    await fsp.mkdir(path.join(dir, backupId('daily', at(6))));
    await fsp.writeFile(path.join(root, 'outside.json'), 'secret');
    await fsp.symlink(path.join(root, 'outside.json'), path.join(dir, backupId('daily', at(7)))).catch(() => undefined);
    const ids = (await store.listBackups()).map((e) => e.id);
    expect(ids).toEqual([backupId('manual', at(3)), backupId('daily', at(1))]);
  });

  it('reports each file size', async () => {
    const store = createBackupStore(dir);
    await store.writeBackup('daily', '{"名":"议事厅"}', at(1));
    expect((await store.listBackups())[0]?.sizeBytes).toBe(Buffer.byteLength('{"名":"议事厅"}'));
  });
});

describe('readBackup', () => {
  it('returns the content of one of our backups', async () => {
    const store = createBackupStore(dir);
    const { id } = await store.writeBackup('daily', content, at(1));
    expect(await readWhole(store, id)).toBe(content);
  });

  it.each([
    '../outside.json',
    '..\\outside.json',
    '/etc/passwd',
    'C:\\Windows\\win.ini',
    `${backupId('daily', at(1))}/../../outside.json`,
    `../${backupId('daily', at(1))}`,
    'yishi-backup-daily-20240101-093000-000.json\u0000',
    'yishi-backup-evil-20240101-093000-000.json',
    '',
  ])('rejects the id %j', async (id) => {
    const store = createBackupStore(dir);
    await expect(store.readBackupPiece(id, 0)).rejects.toThrow('备份文件名不正确');
  });

  it('refuses a symlink planted under a valid name', async () => {
    await fsp.mkdir(dir, { recursive: true });
    await fsp.writeFile(path.join(root, 'outside.json'), 'secret');
    const id = backupId('daily', at(1));
    try {
      await fsp.symlink(path.join(root, 'outside.json'), path.join(dir, id));
    } catch {
      return; // Creating symlinks needs extra rights on Windows.
    }
    await expect(createBackupStore(dir).readBackupPiece(id, 0)).rejects.toThrow('找不到这个备份');
  });

  it('says so when a backup does not exist', async () => {
    await expect(createBackupStore(dir).readBackupPiece(backupId('daily', at(1)), 0)).rejects.toThrow('找不到这个备份');
  });
});

describe('beginBackup', () => {
  it('writes in pieces and shows the backup only once finished; an aborted one leaves nothing', async () => {
    const store = createBackupStore(dir);
    const writer = await store.beginBackup('daily', at(1));
    await writer.append(new TextEncoder().encode('{"名":'));
    expect(await store.listBackups()).toEqual([]);
    await writer.append(new TextEncoder().encode('"议事厅"}'));
    const entry = await writer.finish();
    expect(await readWhole(store, entry.id)).toBe('{"名":"议事厅"}');
    expect(entry.sizeBytes).toBe(Buffer.byteLength('{"名":"议事厅"}'));
    const dropped = await store.beginBackup('manual', at(2));
    await dropped.append(new TextEncoder().encode('{"half":'));
    await dropped.abort();
    expect((await store.listBackups()).map((b) => b.id)).toEqual([entry.id]);
    expect(await fsp.readdir(dir)).toEqual([entry.id]);
  });
});

describe('reading back and copying', () => {
  it('reads a backup larger than a piece in whole pieces, then null', async () => {
    const store = createBackupStore(dir);
    const text = `{"名":"${'议事'.repeat(BACKUP_READ_PIECE_BYTES / 3)}"}`;
    const entry = await store.writeBackup('manual', text, at(1));
    const sizes: number[] = [];
    for (let index = 0; ; index++) {
      const piece = await store.readBackupPiece(entry.id, index);
      if (!piece) break;
      sizes.push(piece.byteLength);
    }
    expect(sizes.slice(0, -1).every((size) => size === BACKUP_READ_PIECE_BYTES)).toBe(true);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(entry.sizeBytes);
    expect(sizes.length).toBe(Math.ceil(entry.sizeBytes / BACKUP_READ_PIECE_BYTES));
    expect(await readWhole(store, entry.id)).toBe(text);
  });

  it('copies a backup to a chosen file, and leaves nothing there when the copy fails', async () => {
    const store = createBackupStore(dir);
    const text = `{"x":"${'a'.repeat(BACKUP_READ_PIECE_BYTES + 10)}"}`;
    const entry = await store.writeBackup('manual', text, at(1));
    const target = path.join(root, 'U盘', 'copy.json');
    await fsp.mkdir(path.dirname(target));
    await store.copyBackupTo(entry.id, target);
    expect(await fsp.readFile(target, 'utf8')).toBe(text);
    await expect(store.copyBackupTo(backupId('daily', at(2)), path.join(root, 'U盘', 'missing.json'))).rejects.toThrow(
      '找不到这个备份',
    );
    expect(await fsp.readdir(path.dirname(target))).toEqual(['copy.json']);
  });
});

describe('sparing a backup being restored', () => {
  it('keeps the spared backup when the new one prunes its kind, one over until the next', async () => {
    const store = createBackupStore(dir);
    const ids: string[] = [];
    for (let i = 0; i < BACKUP_KEEP.preRestore; i++)
      ids.push((await store.writeBackup('preRestore', `{"n":${i}}`, at(i + 1))).id);
    const writer = await store.beginBackup('preRestore', at(100), ids[0]);
    await writer.append(new TextEncoder().encode('{"n":"safety"}'));
    await writer.finish();
    const left = (await store.listBackups()).map((b) => b.id);
    expect(left).toEqual(expect.arrayContaining(ids));
    expect(left).toHaveLength(BACKUP_KEEP.preRestore + 1);
    // The next backup of the kind, sparing nothing, brings the count back.
    await store.writeBackup('preRestore', '{"n":"later"}', at(101));
    const after = (await store.listBackups()).map((b) => b.id);
    expect(after).toHaveLength(BACKUP_KEEP.preRestore);
    expect(after).not.toContain(ids[0]);
  });
});

describe('leftovers', () => {
  it('removes the temp file of a backup cut short by a crash, but not one being written', async () => {
    const store = createBackupStore(dir);
    const writing = await store.beginBackup('daily', at(1));
    await writing.append(new TextEncoder().encode('{"still":'));
    await fsp.writeFile(path.join(dir, `.${backupId('manual', at(2))}.0123456789ab.tmp`), '{"cut short"');
    await fsp.writeFile(path.join(dir, 'notes.txt'), 'not ours');
    const other = await store.beginBackup('manual', at(3));
    await other.abort();
    const names = await fsp.readdir(dir);
    expect(names.filter((n) => n.endsWith('.tmp'))).toHaveLength(1); // the one still being written
    expect(names).toContain('notes.txt');
    await writing.append(new TextEncoder().encode('"here"}'));
    const entry = await writing.finish();
    expect(await readWhole(store, entry.id)).toBe('{"still":"here"}');
  });
});

describe('summaries kept beside backups', () => {
  const summary = {
    appVersion: '0.1.0',
    createdAt: at(1).toISOString(),
    schemaVersion: 8,
    counts: { people: 30_000, meetings: 21_650 },
  };
  const summaryName = (id: string) => `${id}.summary.json`;

  async function finished(store: BackupStore, reason: 'daily' | 'manual', day: number, kept = summary) {
    const writer = await store.beginBackup(reason, at(day));
    await writer.append(new TextEncoder().encode(content));
    return writer.finish(kept);
  }

  it('lists a backup with the summary its writer gave, kept readable by the user only', async () => {
    const store = createBackupStore(dir);
    const entry = await finished(store, 'manual', 1);
    expect(entry.summary).toEqual(summary);
    expect((await store.listBackups())[0]).toEqual(entry);
    const stats = await fsp.stat(path.join(dir, summaryName(entry.id)));
    if (process.platform !== 'win32') expect(stats.mode & 0o777).toBe(0o600);
    // A summary is not a backup of its own.
    expect((await store.listBackups()).map((b) => b.id)).toEqual([entry.id]);
  });

  it('lists a backup without a summary when its summary file is malformed, too large or a symlink', async () => {
    const store = createBackupStore(dir);
    const bad = [
      '{"appVersion":"0.1.0"',
      JSON.stringify({ ...summary, counts: { people: -1 } }),
      JSON.stringify({ ...summary, createdAt: 'yesterday' }),
      JSON.stringify({ ...summary, counts: { people: 1e30 } }),
      JSON.stringify({ ...summary, pad: 'x'.repeat(70_000) }),
    ];
    for (const [i, text] of bad.entries()) {
      const entry = await finished(store, 'daily', i + 1);
      await fsp.writeFile(path.join(dir, summaryName(entry.id)), text);
    }
    const linked = await finished(store, 'manual', 20);
    await fsp.rm(path.join(dir, summaryName(linked.id)));
    await fsp.writeFile(path.join(root, 'elsewhere.json'), JSON.stringify(summary));
    await fsp.symlink(path.join(root, 'elsewhere.json'), path.join(dir, summaryName(linked.id))).catch(() => undefined);
    const listed = await store.listBackups();
    expect(listed).toHaveLength(bad.length + 1);
    expect(listed.filter((b) => b.summary)).toEqual([]);
  });

  it('removes a backup’s summary with it when the backup is pruned, and a summary left without its backup', async () => {
    const store = createBackupStore(dir);
    const first = await finished(store, 'daily', 1);
    for (let day = 2; day <= BACKUP_KEEP.daily + 1; day++) await finished(store, 'daily', day);
    const names = await fsp.readdir(dir);
    expect(names).not.toContain(first.id);
    expect(names).not.toContain(summaryName(first.id));
    expect(names.filter((n) => n.endsWith('.summary.json'))).toHaveLength(BACKUP_KEEP.daily);
    // A crash between the summary's commit and the backup's, and one inside the summary's write.
    const orphan = summaryName(backupId('manual', at(40)));
    await fsp.writeFile(path.join(dir, orphan), JSON.stringify(summary));
    const orphanTemp = `.${summaryName(backupId('manual', at(41)))}.0123456789ab.tmp`;
    await fsp.writeFile(path.join(dir, orphanTemp), '{');
    await finished(store, 'manual', 42);
    const after = await fsp.readdir(dir);
    expect(after).not.toContain(orphan);
    expect(after).not.toContain(orphanTemp);
  });

  it('keeps neither file when the summary cannot be written, and the next backup still goes through', async () => {
    let broken = true;
    const atomicFs: AtomicWriteFs = {
      ...fsp,
      open: ((file: string, ...rest: unknown[]) =>
        broken && String(file).includes('.summary.json')
          ? Promise.reject(new Error('disk full'))
          : (fsp.open as (...args: unknown[]) => unknown)(file, ...rest)) as typeof fsp.open,
    };
    const store = createBackupStore(dir, { atomicFs });
    await expect(finished(store, 'manual', 1)).rejects.toThrow('disk full');
    expect(await fsp.readdir(dir)).toEqual([]);
    broken = false;
    expect((await finished(store, 'manual', 2)).summary).toEqual(summary);
  });
});
