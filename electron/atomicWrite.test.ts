import * as fsp from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isAtomicTempFile, writeFileAtomic, type AtomicWriteFs } from './atomicWrite';

let dir: string;

beforeEach(async () => {
  dir = await fsp.mkdtemp(path.join(tmpdir(), 'yishi-atomic-'));
});

afterEach(async () => {
  await fsp.rm(dir, { recursive: true, force: true });
});

function failWith(code: string): Error {
  return Object.assign(new Error(`simulated ${code}`), { code });
}

describe('writeFileAtomic', () => {
  it('writes a new file and leaves no temp file behind', async () => {
    const file = path.join(dir, '纪要.docx');
    await writeFileAtomic(file, new Uint8Array([1, 2, 3]));
    expect([...(await fsp.readFile(file))]).toEqual([1, 2, 3]);
    expect(await fsp.readdir(dir)).toEqual(['纪要.docx']);
  });

  it('replaces an existing file in one step', async () => {
    const file = path.join(dir, 'a.json');
    await fsp.writeFile(file, 'old');
    await writeFileAtomic(file, 'new');
    expect(await fsp.readFile(file, 'utf8')).toBe('new');
    expect(await fsp.readdir(dir)).toEqual(['a.json']);
  });

  it('keeps the old content and removes the temp file when the rename fails', async () => {
    const file = path.join(dir, 'a.json');
    await fsp.writeFile(file, 'old');
    const fs: AtomicWriteFs = { ...fsp, rename: () => Promise.reject(failWith('EIO')) };
    await expect(writeFileAtomic(file, 'new', { fs })).rejects.toThrow('simulated EIO');
    expect(await fsp.readFile(file, 'utf8')).toBe('old');
    expect(await fsp.readdir(dir)).toEqual(['a.json']);
  });

  it('removes the temp file when writing fails (disk full)', async () => {
    const fs: AtomicWriteFs = {
      ...fsp,
      open: (async (...args: Parameters<typeof fsp.open>) => {
        const handle = await fsp.open(...args);
        return Object.assign(Object.create(handle) as fsp.FileHandle, {
          writeFile: () => Promise.reject(failWith('ENOSPC')),
          close: () => handle.close(),
          sync: () => handle.sync(),
        });
      }) as typeof fsp.open,
    };
    await expect(writeFileAtomic(path.join(dir, 'b.json'), 'x', { fs })).rejects.toThrow('ENOSPC');
    expect(await fsp.readdir(dir)).toEqual([]);
  });

  it('renames from a temp file in the same folder, retrying while Windows reports it busy', async () => {
    let attempts = 0;
    const sources: string[] = [];
    const fs: AtomicWriteFs = {
      ...fsp,
      rename: (from, to) => {
        sources.push(String(from));
        return ++attempts < 3 ? Promise.reject(failWith('EBUSY')) : fsp.rename(from, to);
      },
    };
    await writeFileAtomic(path.join(dir, 'c.json'), 'ok', { fs });
    expect(attempts).toBe(3);
    expect(path.dirname(sources[0] ?? '')).toBe(dir);
    expect(isAtomicTempFile(path.basename(sources[0] ?? ''))).toBe(true);
    expect(await fsp.readFile(path.join(dir, 'c.json'), 'utf8')).toBe('ok');
  });

  it.skipIf(process.platform === 'win32')('applies the requested permission bits', async () => {
    const file = path.join(dir, 'private.json');
    await writeFileAtomic(file, '{}', { mode: 0o600 });
    expect((await fsp.stat(file)).mode & 0o777).toBe(0o600);
  });

  it('fails cleanly when the folder does not exist', async () => {
    await expect(writeFileAtomic(path.join(dir, 'missing', 'x.json'), '{}')).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('isAtomicTempFile', () => {
  it('recognises our temp names only', () => {
    expect(isAtomicTempFile('.a.json.0123456789ab.tmp')).toBe(true);
    expect(isAtomicTempFile('a.json')).toBe(false);
    expect(isAtomicTempFile('.a.json.tmp')).toBe(false);
  });
});
