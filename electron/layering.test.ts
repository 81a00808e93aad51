import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Only main.ts and preload.ts may load Electron at run time: everything else stays testable
// in plain Node, where loading the electron package would try to download its binary.
const here = path.dirname(fileURLToPath(import.meta.url));
const ELECTRON_ENTRY_FILES = new Set(['main.ts', 'preload.ts']);

function sourceFiles(): string[] {
  return readdirSync(here).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'));
}

function valueImportsOfElectron(source: string): string[] {
  const imports = source.match(/^\s*import\s+(?!type\b)[^;]*?from\s+['"]electron['"]/gm) ?? [];
  const requires = source.match(/require\(\s*['"]electron['"]\s*\)/g) ?? [];
  const dynamic = source.match(/import\(\s*['"]electron['"]\s*\)/g) ?? [];
  return [...imports, ...requires, ...dynamic];
}

describe('electron/ layering', () => {
  it.each(sourceFiles().filter((f) => !ELECTRON_ENTRY_FILES.has(f)))(
    '%s does not load electron at run time',
    (file) => {
      expect(valueImportsOfElectron(readFileSync(path.join(here, file), 'utf8'))).toEqual([]);
    },
  );

  it('the preload imports nothing but electron and shared/bridge', () => {
    const source = readFileSync(path.join(here, 'preload.ts'), 'utf8');
    const specifiers = [...source.matchAll(/from\s+['"]([^'"]+)['"]/g)].map((m) => m[1]);
    expect(specifiers.sort()).toEqual(['../shared/bridge', 'electron']);
  });

  it('main.ts never exposes Node to the page', () => {
    const source = readFileSync(path.join(here, 'main.ts'), 'utf8');
    expect(source).not.toMatch(
      /nodeIntegration:\s*true|contextIsolation:\s*false|sandbox:\s*false|webSecurity:\s*false/,
    );
    expect(source).not.toMatch(/bypassCSP|corsEnabled|allowFileAccess|registerFileProtocol/);
  });
});
