import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
// js-yaml and app-builder-lib come with electron-builder; typed here to the little we use.
const yaml = require('js-yaml') as { load(text: string): unknown };

type Target = { target: string; arch: string[] };
interface BuilderConfig {
  appId: string;
  productName: string;
  asar: boolean;
  files: string[];
  directories: { output: string; buildResources: string };
  electronFuses: Record<string, boolean>;
  win: { target: Target[]; icon: string };
  nsis: Record<string, unknown>;
  linux: { target: Target[]; category: string; maintainer: string; icon: string };
  mac: { target: Target[] };
}

const configText = readFileSync(path.join(rootDir, 'electron-builder.yml'), 'utf8');
const config = yaml.load(configText) as BuilderConfig;

function archs(targets: Target[], name: string): string[] {
  return targets.find((t) => t.target === name)?.arch ?? [];
}

describe('electron-builder.yml', () => {
  it('fixes the identity that userData depends on', () => {
    expect(config.appId).toBe('cn.yishi.app');
    expect(config.productName).toBe('议事厅');
  });

  it('packs only the built app, in an asar', () => {
    expect(config.asar).toBe(true);
    expect(config.files).toEqual(expect.arrayContaining(['dist/renderer/**', 'dist-electron/**', 'package.json']));
    expect(config.files.some((f) => /^(electron|renderer|shared|node_modules)\//.test(f))).toBe(false);
    expect(config.directories.output).toBe('release');
  });

  it.each([
    ['runAsNode', false],
    ['enableNodeOptionsEnvironmentVariable', false],
    ['enableNodeCliInspectArguments', false],
    ['enableEmbeddedAsarIntegrityValidation', true],
    ['onlyLoadAppFromAsar', true],
    ['enableCookieEncryption', true],
    ['grantFileProtocolExtraPrivileges', false],
  ])('sets the fuse %s to %s', (fuse, value) => {
    expect(config.electronFuses[fuse]).toBe(value);
  });

  it('builds a Chinese NSIS installer that lets the user choose the folder and keeps data', () => {
    expect(archs(config.win.target, 'nsis')).toEqual(expect.arrayContaining(['x64', 'arm64']));
    expect(config.nsis).toMatchObject({
      oneClick: false,
      allowToChangeInstallationDirectory: true,
      language: '2052',
      deleteAppDataOnUninstall: false,
    });
  });

  it('builds AppImage and deb for x64 and arm64 (Kylin, UOS)', () => {
    for (const target of ['AppImage', 'deb']) {
      expect(archs(config.linux.target, target)).toEqual(expect.arrayContaining(['x64', 'arm64']));
    }
    expect(config.linux.category).toBe('Office');
    expect(config.linux.maintainer).toMatch(/<[^@\s]+@[^@\s]+>/);
  });

  it('builds a dmg for macOS', () => {
    expect(config.mac.target.map((t) => t.target)).toContain('dmg');
  });

  it('is accepted by electron-builder’s own schema, which rejects a misspelt fuse', async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      validateConfiguration(config: unknown, logger: unknown): Promise<void>;
    };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    const misspelt = { ...config, electronFuses: { ...config.electronFuses, runAsNod: false } };
    await expect(validateConfiguration(misspelt, new DebugLogger(false))).rejects.toThrow(/electronFuses/);
  });
});

describe('icon', () => {
  it('is a 512×512 RGBA PNG in resources/', () => {
    const png = readFileSync(path.join(rootDir, 'resources', 'icon.png'));
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
    expect([png[24], png[25]]).toEqual([8, 6]);
  });

  it('is what the file names in electron-builder.yml point to', () => {
    for (const icon of [config.win.icon, config.linux.icon]) expect(icon).toBe('resources/icon.png');
  });
});
