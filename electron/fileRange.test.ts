import * as fsp from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileRange } from './fileRange';

let dir: string;
beforeEach(async () => {
  dir = await fsp.mkdtemp(path.join(tmpdir(), 'yishi-range-'));
});
afterEach(async () => {
  await fsp.rm(dir, { recursive: true, force: true });
});

describe('readFileRange', () => {
  it('gives the asked bytes, fewer at the end, none past it', async () => {
    const file = path.join(dir, '备份.json');
    const content = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 256));
    await fsp.writeFile(file, content);
    expect(Buffer.from(await readFileRange(file, 10, 5))).toEqual(content.subarray(10, 15));
    expect((await readFileRange(file, 990, 100)).byteLength).toBe(10);
    expect((await readFileRange(file, 1000, 100)).byteLength).toBe(0);
    const pieces: Buffer[] = [];
    for (let at = 0; ; at += 300) {
      const piece = await readFileRange(file, at, 300);
      if (piece.byteLength === 0) break;
      pieces.push(Buffer.from(piece));
    }
    expect(Buffer.concat(pieces)).toEqual(content);
  });

  it('fails for a file that is gone', async () => {
    await expect(readFileRange(path.join(dir, 'gone.json'), 0, 10)).rejects.toThrow(/ENOENT/);
  });
});
