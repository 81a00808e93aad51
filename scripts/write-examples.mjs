#!/usr/bin/env node
// `npm run docs:examples`: regenerates docs/examples/ and docs/meeting-file.schema.json.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { module } = await runnerImport(path.join(rootDir, 'scripts/examples.ts'), {
  configFile: false,
  root: rootDir,
  logLevel: 'error',
});
await module.main(rootDir);
