import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DOMESTIC_ELECTRON_MIRROR,
  findElectronRuntime,
  platformExecutable,
  runtimeMissingMessage,
  type RuntimeFs,
} from '../scripts/electronRuntime.mjs';

const root = path.resolve('/proj');
const pkg = path.join(root, 'node_modules', 'electron');

function fakeFs(files: Record<string, string>): RuntimeFs {
  return {
    existsSync: (file) => Object.prototype.hasOwnProperty.call(files, file),
    readFileSync: (file) => {
      const text = files[file];
      if (text === undefined) throw Object.assign(new Error(`ENOENT ${file}`), { code: 'ENOENT' });
      return text;
    },
  };
}

describe('findElectronRuntime', () => {
  it('finds the binary that path.txt names', () => {
    const fs = fakeFs({
      [path.join(pkg, 'package.json')]: '{}',
      [path.join(pkg, 'path.txt')]: 'electron',
      [path.join(pkg, 'dist', 'electron')]: '',
    });
    expect(findElectronRuntime(root, { fs, env: {}, platform: 'linux' })).toEqual({
      found: true,
      executable: path.join(pkg, 'dist', 'electron'),
    });
  });

  it('reports a missing package', () => {
    expect(findElectronRuntime(root, { fs: fakeFs({}), env: {}, platform: 'linux' })).toMatchObject({
      found: false,
      reason: 'package-missing',
    });
  });

  it('reports a package whose binary was never downloaded (no path.txt, no dist)', () => {
    const fs = fakeFs({ [path.join(pkg, 'package.json')]: '{}' });
    expect(findElectronRuntime(root, { fs, env: {}, platform: 'win32' })).toEqual({
      found: false,
      reason: 'binary-missing',
      checked: path.join(pkg, 'dist', 'electron.exe'),
    });
  });

  it('reports path.txt pointing at a binary that is gone', () => {
    const fs = fakeFs({ [path.join(pkg, 'package.json')]: '{}', [path.join(pkg, 'path.txt')]: 'electron\n' });
    expect(findElectronRuntime(root, { fs, env: {}, platform: 'linux' })).toMatchObject({
      found: false,
      reason: 'binary-missing',
    });
  });

  it('refuses a path.txt that climbs out of dist/', () => {
    const fs = fakeFs({
      [path.join(pkg, 'package.json')]: '{}',
      [path.join(pkg, 'path.txt')]: '../../../bin/sh',
      [path.resolve(pkg, 'dist', '../../../bin/sh')]: '',
    });
    expect(findElectronRuntime(root, { fs, env: {}, platform: 'linux' })).toMatchObject({ found: false });
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH like electron itself', () => {
    const override = path.resolve('/opt/electron-45');
    const fs = fakeFs({ [path.join(pkg, 'package.json')]: '{}', [path.join(override, 'electron')]: '' });
    expect(
      findElectronRuntime(root, { fs, env: { ELECTRON_OVERRIDE_DIST_PATH: override }, platform: 'linux' }),
    ).toEqual({
      found: true,
      executable: path.join(override, 'electron'),
    });
  });

  it('knows each platform’s executable name', () => {
    expect(platformExecutable('darwin')).toBe('Electron.app/Contents/MacOS/Electron');
    expect(platformExecutable('win32')).toBe('electron.exe');
    expect(platformExecutable('linux')).toBe('electron');
  });
});

describe('runtimeMissingMessage', () => {
  const message = runtimeMissingMessage({ checked: '/proj/node_modules/electron/dist/electron' });

  it('puts Chinese first, then English', () => {
    expect(message.indexOf('未安装 Electron 运行时')).toBe(0);
    expect(message.indexOf('The Electron runtime is not installed')).toBeGreaterThan(0);
  });

  it('says how to get the runtime and how to use the browser version meanwhile', () => {
    expect(message).toContain('node node_modules/electron/install.js');
    expect(message).toContain(`ELECTRON_MIRROR=${DOMESTIC_ELECTRON_MIRROR}`);
    expect(message).toContain('npm run web');
    expect(message).toContain('http://127.0.0.1:4617/');
    expect(message).toContain('/proj/node_modules/electron/dist/electron');
  });
});
