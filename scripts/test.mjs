#!/usr/bin/env node
// `npm test`: type-check, lint, unit tests (vitest), web build, end-to-end tests (Playwright in
// Debian's Chromium). Every step runs even when an earlier one fails, so one run shows all
// problems. Ends with the summed line `N passed, N failed, N skipped` that CI reads.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync } from 'node:fs';

mkdirSync('.tmp', { recursive: true });
const totals = { passed: 0, failed: 0, skipped: 0 };
const failedSteps = [];

function run(name, command, args, env = {}) {
  console.log(`\n=== ${name}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env }, shell: false });
  if (result.status !== 0) failedSteps.push(name);
  return result.status === 0;
}

function readJson(path) {
  if (!existsSync(path)) return null;
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

/**
 * Runs a step with its output held back, so that two lanes can run side by side and still print
 * one step after another. Resolves when the step ends.
 */
function runQuietly(name, command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env: process.env, shell: false });
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.on('close', (status) => {
      console.log(`\n=== ${name}: ${command} ${args.join(' ')}`);
      process.stdout.write(Buffer.concat(output));
      if (status !== 0) failedSteps.push(name);
      resolve();
    });
  });
}

async function lane(steps) {
  for (const step of steps) await runQuietly(...step);
}

// Each check is one process on one core: two lanes of about equal length, side by side, take
// ~45 s on the two-core CI machine instead of ~85 s one after another.
await Promise.all([
  lane([
    ['type-check (renderer)', npx, ['tsc', '-p', 'tsconfig.json', '--noEmit']],
    ['format (Prettier)', npx, ['prettier', '--check', '.']],
  ]),
  lane([
    ['type-check (main/preload)', npx, ['tsc', '-p', 'tsconfig.node.json', '--noEmit']],
    ['type-check (tests)', npx, ['tsc', '-p', 'tsconfig.tests.json', '--noEmit']],
    ['lint', npx, ['eslint', '.', '--max-warnings', '0']],
  ]),
]);

run('unit tests (vitest)', npx, [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile.json=.tmp/vitest.json',
]);
const vitest = readJson('.tmp/vitest.json');
if (vitest) {
  totals.passed += vitest.numPassedTests ?? 0;
  totals.failed += vitest.numFailedTests ?? 0;
  totals.skipped += (vitest.numPendingTests ?? 0) + (vitest.numTodoTests ?? 0);
} else totals.failed += 1;

if (run('web build', npx, ['vite', 'build', '--logLevel', 'warn'])) {
  run('end-to-end tests (Playwright)', npx, ['playwright', 'test'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: '.tmp/playwright.json',
  });
  const pw = readJson('.tmp/playwright.json');
  if (pw?.stats) {
    totals.passed += (pw.stats.expected ?? 0) + (pw.stats.flaky ?? 0);
    totals.failed += pw.stats.unexpected ?? 0;
    totals.skipped += pw.stats.skipped ?? 0;
  } else totals.failed += 1;
}

if (failedSteps.length > 0) console.log(`\nFailed steps: ${failedSteps.join(', ')}`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedSteps.length > 0 || totals.failed > 0 ? 1 : 0);
