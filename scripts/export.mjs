#!/usr/bin/env node
// `npm run export -- <meeting.json ...> [--out DIR] [--all]`: Word documents from meeting files.
// The work is in export.ts, run through Vite's module runner (the repo has no tsx), so the CLI
// uses the very shared/documents builders the app uses.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

try {
  const { module } = await runnerImport(path.join(rootDir, 'scripts/export.ts'), {
    configFile: false,
    root: rootDir,
    logLevel: 'error',
  });
  process.exitCode = await module.main(process.argv.slice(2));
} catch (error) {
  console.error('导出失败 / export failed:', error);
  process.exitCode = 1;
}
