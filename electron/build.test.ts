import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildElectron } from '../scripts/build-electron.mjs';

let outDir: string;
let main: string;
let preload: string;

beforeAll(async () => {
  outDir = await mkdtemp(path.join(tmpdir(), 'yishi-build-'));
  await buildElectron({ outDir });
  main = await readFile(path.join(outDir, 'main.cjs'), 'utf8');
  preload = await readFile(path.join(outDir, 'preload.cjs'), 'utf8');
}, 60_000);

afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

function requiredModules(code: string): string[] {
  return [...new Set([...code.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1] ?? ''))].sort();
}

describe('scripts/build-electron.mjs', () => {
  it.each(['main', 'preload'])('emits %s as CommonJS (no import/export syntax)', (name) => {
    const code = name === 'main' ? main : preload;
    expect(() => vm.compileFunction(code, ['require', 'module', 'exports', '__filename', '__dirname'])).not.toThrow();
    expect(code).not.toMatch(/import\.meta/);
  });

  it('bundles zod and shared/ into main, leaving only electron and Node built-ins outside', () => {
    for (const id of requiredModules(main)) expect(id === 'electron' || id.startsWith('node:')).toBe(true);
    expect(main).toContain('yishi:append-backup');
    expect(main).toContain('备份文件名不正确');
  });

  it('keeps the sandboxed preload tiny: electron only, no zod', () => {
    expect(requiredModules(preload)).toEqual(['electron']);
    expect(preload).not.toMatch(/zod|ZodError|safeParse/);
    expect(preload.length).toBeLessThan(4096);
    expect(preload).toContain('exposeInMainWorld("yishi"');
  });
});
