#!/usr/bin/env node
// Builds Electron's main process and preload into dist-electron/ as CommonJS: the package is
// "type": "module", and a sandboxed preload cannot load an ES module.
import { rm } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'vite';

const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const defaultOutDir = path.join(rootDir, 'dist-electron');

/** electron and Node's own modules come from the runtime; zod and shared/ are bundled. */
export function isExternal(id) {
  if (id === 'electron' || id.startsWith('electron/') || id.startsWith('node:')) return true;
  return builtinModules.includes(id) || builtinModules.includes(id.split('/')[0]);
}

function configFor(entry, fileName, outDir, treeshake = {}) {
  return {
    configFile: false,
    root: rootDir,
    logLevel: 'warn',
    publicDir: false,
    mode: 'production',
    resolve: { conditions: ['node', 'import', 'default'], mainFields: ['module', 'main'] },
    build: {
      outDir,
      emptyOutDir: false,
      target: 'node20',
      minify: false,
      sourcemap: false,
      reportCompressedSize: false,
      copyPublicDir: false,
      lib: {
        entry: path.join(rootDir, entry),
        formats: ['cjs'],
        fileName: () => fileName,
      },
      rolldownOptions: {
        external: isExternal,
        treeshake,
        output: { codeSplitting: false, exports: 'auto' },
      },
    },
  };
}

/** Tests pass their own outDir so a build check never touches the real dist-electron/. */
export async function buildElectron({ outDir = defaultOutDir } = {}) {
  await rm(outDir, { recursive: true, force: true });
  // One at a time: main and preload must each be a single self-contained file.
  await build(configFor('electron/main.ts', 'main.cjs', outDir));
  // The preload needs only the channel names from shared/bridge.ts; declaring zod's builders
  // pure lets the schemas beside them fall away instead of shipping zod into every page.
  await build(configFor('electron/preload.ts', 'preload.cjs', outDir, { manualPureFunctions: ['z'] }));
  return [path.join(outDir, 'main.cjs'), path.join(outDir, 'preload.cjs')];
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  buildElectron()
    .then((files) =>
      console.log(
        `已构建 Electron 主进程与预加载脚本：\n  ${files.map((f) => path.relative(rootDir, f)).join('\n  ')}`,
      ),
    )
    .catch((error) => {
      console.error('构建 Electron 部分失败 / Electron build failed:', error);
      process.exit(1);
    });
}
