import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import prettierConfig from 'eslint-config-prettier';

/** shared/ is the domain core: it must run anywhere, so no DOM, Node or Electron. */
const platformImports = ['electron', 'react', 'react-dom', 'dexie', 'fs', 'path', 'os', 'child_process'];

/** Test fixtures (shared/fixtures) are never part of the app. */
const noFixtures = { group: ['**/fixtures/**'], message: 'Test fixtures are not part of the app.' };

const sharedImports = (extra) => ({
  paths: platformImports.map((name) => ({ name, message: 'shared/ must not depend on a platform.' })),
  patterns: [
    { group: ['node:*'], message: 'shared/ must not depend on Node.' },
    { group: ['**/renderer/**', '**/electron/**'], message: 'shared/ must not import the renderer or Electron code.' },
    ...extra,
  ],
});

/** The renderer talks to Electron only through the typed bridge (renderer/bridge). */
const noElectron = {
  group: ['**/electron/**', 'electron'],
  message: 'The renderer talks to Electron only through the bridge.',
};

/**
 * Layers of the renderer (docs/architecture.md): screens (features/) reach the database only
 * through the data layer's repositories and hooks (data/), and another feature only through its
 * public entry (features/<name>/index.ts); the data layer knows nothing of screens.
 */
const TABLES =
  'orgUnits|people|meetings|agendaItems|minutes|amendments|meetingTemplates|attendance|decisions|votes|householdConsultations|matters|settings';
const noDexieInScreens = [
  {
    selector: `MemberExpression[property.name=/^(${TABLES}|transaction|table|tables)$/][object.name='db']`,
    message: 'Screens read and write through renderer/data/repos, never db.<table> or db.transaction.',
  },
  {
    selector: `MemberExpression[property.name=/^(${TABLES}|transaction|table|tables)$/][object.property.name='db']`,
    message: 'Screens read and write through renderer/data/repos, never db.<table> or db.transaction.',
  },
];
const featureImports = (deepOtherFeature) => [
  'error',
  {
    paths: [
      { name: 'dexie', message: 'Screens reach the database through renderer/data (repositories and hooks).' },
      {
        name: 'antd',
        importNames: ['Select', 'TreeSelect', 'AutoComplete'],
        message: 'Use renderer/app/controls: antd\'s clear button says "Clear" in every locale.',
      },
    ],
    patterns: [
      noElectron,
      noFixtures,
      {
        regex: deepOtherFeature,
        message: 'Import another feature through its public entry (features/<name>/index.ts), not its internals.',
      },
      {
        regex: 'shared/dates$',
        importNames: ['formatChineseDate', 'formatChineseDateTime', 'formatEnglishDate', 'formatEnglishDateTime'],
        message:
          'Dates on screen go through useWording() (renderer/i18n/wording.ts): English readers get English dates.',
      },
    ],
  },
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'dist-electron/**',
      'release/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      'no-restricted-imports': ['error', sharedImports([noFixtures])],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'navigator',
        'localStorage',
        'indexedDB',
        'process',
        'require',
      ],
    },
  },
  {
    // Fixtures may use each other; they are still pure.
    files: ['shared/fixtures/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', sharedImports([])] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'no-restricted-imports': ['error', { patterns: [noElectron, noFixtures] }],
    },
  },
  {
    files: ['renderer/features/*/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': featureImports('^\\.\\./[^./][^/]*/'),
      'no-restricted-syntax': ['error', ...noDexieInScreens],
    },
  },
  {
    files: ['renderer/features/*/*/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': featureImports('^\\.\\./\\.\\./[^./][^/]*/'),
      'no-restricted-syntax': ['error', ...noDexieInScreens],
    },
  },
  {
    files: ['renderer/data/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'antd', message: 'The data layer has no screens.' }],
          patterns: [
            noElectron,
            {
              group: ['**/features/**', '**/app/**'],
              message: 'The data layer must not depend on screens or the app shell.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts', 'scripts/**/*.{js,mjs,ts}', '*.config.{js,ts}', 'tests/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // Tests reach inside what they test, and use the fixtures.
    files: ['**/*.test.ts', '**/*.test.tsx'],
    rules: { 'no-restricted-imports': 'off', 'no-restricted-syntax': 'off' },
  },
  prettierConfig,
);
