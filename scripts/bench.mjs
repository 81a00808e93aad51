#!/usr/bin/env node
// `npm run bench`: the benchmarks in bench/, run through Vite's module runner (TypeScript).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { module } = await runnerImport(path.join(rootDir, 'bench/run.ts'), {
  configFile: false,
  root: rootDir,
  logLevel: 'error',
});
await module.main(rootDir);
