/**
 * Which of our own modules the bundler may leave out when nothing of them is used. Without this,
 * a module counts as having side effects as soon as its top level calls anything (every zod
 * schema does), so a feature's public entry pulled all it re-exports — and their libraries, e.g.
 * antd's image viewer through the evidence gallery — into the start-up bundle. The domain core
 * (shared/) has no registering side effects by design, and React components (PascalCase .tsx) and
 * hooks (useX.ts/.tsx) only declare; what registers itself on import (i18n messages, CSS, main.tsx) keeps the default.
 * antd's own components (@rc-component/*) say nothing in their package.json, yet only declare:
 * antd's Input (through its form context) kept the whole of rc-form and its async validator at
 * start-up (40 KiB) though no form is on the first screen. Everything else in node_modules keeps
 * its package.json `sideEffects` (undefined = no opinion).
 */
/** @param {string} id @returns {boolean | undefined} */
export function ourModuleSideEffects(id) {
  const file = id.split('?')[0].replaceAll('\\', '/');
  if (/\/node_modules\/@rc-component\//.test(file)) return false;
  if (file.includes('/node_modules/')) return undefined;
  if (/\/shared\/.+\.ts$/.test(file) && !file.endsWith('.test.ts')) return false;
  if (/\/renderer\/features\/.+\/[A-Z][^/]*\.tsx$/.test(file)) return false;
  if (/\/renderer\/features\/.+\/use[A-Z][^/]*\.tsx?$/.test(file)) return false;
  return undefined;
}
