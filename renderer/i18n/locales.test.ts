import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { placeholdersOf, type RefusalTable } from '../../shared/codedRefusal';
import { ESCALATION_REFUSALS_ZH } from '../../shared/escalation/refusals';
import { POINTS_AWARD_LABELS, POINTS_REFUSALS_ZH } from '../../shared/matters/points';
import { PUBLICITY_PHRASES_ZH, PUBLICITY_REFUSALS_ZH } from '../../shared/publicity/refusals';
import { MATTER_REFUSAL_PHRASES_ZH, MATTER_REFUSALS_ZH } from '../../shared/matters/refusals';
import { registeredMessages } from './index';
import { registeredRefusals } from './refusalWords';

// Every feature's messages, loaded the way the app loads them: by importing the module. A
// feature may keep a second namespace in a file of its own (mattersxMessages.ts).
const modules = import.meta.glob(['../features/**/messages.ts', '../features/**/*Messages.ts'], { eager: true });

function flatten(value: unknown, prefix = ''): Record<string, string> {
  if (typeof value === 'string') return { [prefix]: value };
  return Object.entries(value as Record<string, unknown>).reduce(
    (acc, [k, v]) => ({ ...acc, ...flatten(v, prefix ? `${prefix}.${k}` : k) }),
    {} as Record<string, string>,
  );
}
const placeholders = (s: string) => [...s.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();

describe('locales', () => {
  const namespaces = [...registeredMessages()];

  it('every feature with a messages.ts registers it', () => {
    expect(Object.keys(modules).length).toBeGreaterThanOrEqual(10);
    expect(namespaces.map(([ns]) => ns).sort()).toEqual(
      [
        'backups',
        'escalation',
        'matters',
        'mattersx',
        'followup',
        'filing',
        'meetings',
        'minutes',
        'org',
        'roster',
        'rosterImportProblems',
        'search',
        'settings',
        'signatures',
        'signing',
        'statistics',
        'translation',
        'welcome',
        'workbench',
      ].sort(),
    );
  });

  describe.each(namespaces)('namespace %s', (_ns, bundle) => {
    const zh = flatten(bundle['zh-CN']);
    const eng = flatten(bundle.en);
    it('has the same keys in both languages', () => expect(Object.keys(eng).sort()).toEqual(Object.keys(zh).sort()));
    it('uses the same placeholders in every message', () => {
      for (const key of Object.keys(zh)) expect(placeholders(eng[key] ?? ''), key).toEqual(placeholders(zh[key]!));
    });
    it('has no empty message', () => {
      for (const [key, value] of Object.entries({ ...zh, ...eng })) expect(value.trim(), key).not.toBe('');
    });
  });
});

/** What each table of the rules' refusals can say: its codes and its phrases (the Chinese defaults). */
const REFUSAL_TABLES: Record<RefusalTable, { codes: Record<string, string>; phrases: Record<string, string> }> = {
  publicity: { codes: PUBLICITY_REFUSALS_ZH, phrases: PUBLICITY_PHRASES_ZH },
  points: { codes: POINTS_REFUSALS_ZH, phrases: POINTS_AWARD_LABELS },
  escalation: { codes: ESCALATION_REFUSALS_ZH, phrases: {} },
  matters: { codes: MATTER_REFUSALS_ZH, phrases: MATTER_REFUSAL_PHRASES_ZH },
};

function at(bundle: object, key: string): Record<string, string> {
  return key.split('.').reduce<Record<string, unknown>>((o, k) => (o[k] ?? {}) as Record<string, unknown>, {
    ...bundle,
  } as Record<string, unknown>) as Record<string, string>;
}

describe("the rules' refusals", () => {
  it('every table is worded by a feature', () =>
    expect([...registeredRefusals().keys()].sort()).toEqual(Object.keys(REFUSAL_TABLES).sort()));

  describe.each(Object.entries(REFUSAL_TABLES))('table %s', (table, { codes, phrases }) => {
    const place = registeredRefusals().get(table as RefusalTable)!;
    const bundle = registeredMessages().get(place.ns)!;
    it("has a template per code in both languages, with the rule's placeholders", () => {
      for (const locale of ['zh-CN', 'en'] as const) {
        const words = at(bundle[locale], place.codes);
        expect(Object.keys(words).sort(), locale).toEqual(Object.keys(codes).sort());
        for (const [code, zh] of Object.entries(codes))
          expect(placeholdersOf(words[code] ?? ''), `${locale} ${code}`).toEqual(placeholdersOf(zh));
      }
      // The Chinese messages are the rules' own sentences, not a second copy that could drift.
      for (const [code, zh] of Object.entries(codes))
        expect(at(bundle['zh-CN'], place.codes)[code]?.replace(/\{\{(\w+)\}\}/g, '{$1}')).toBe(zh);
    });
    it('words every phrase in both languages', () => {
      for (const locale of ['zh-CN', 'en'] as const) {
        const words = place.phrases ? at(bundle[locale], place.phrases) : {};
        expect(Object.keys(words).sort(), locale).toEqual(Object.keys(phrases).sort());
      }
    });
  });
});

/**
 * A namespace exists once its messages module has run. So a file that asks for a feature's
 * namespace imports that module: its own feature's messages.ts, or another feature's public
 * entry (which imports its messages). Without this a screen opened first could show raw keys.
 */
describe('every file that uses a namespace loads it', () => {
  const features = path.resolve(__dirname, '../features');
  // A namespace → its feature's folder, and the module that registers it when not messages.ts.
  const NS_FOLDER: Record<string, string | { folder: string; module: string }> = {
    meetings: 'meetings',
    minutes: 'minutes',
    signatures: 'signatures',
    signing: 'signing',
    roster: 'roster',
    backups: 'backups',
    followup: 'followup',
    org: 'org',
    settings: 'settings',
    welcome: 'welcome',
    matters: 'matters',
    mattersx: { folder: 'matters', module: 'mattersxMessages' },
    escalation: 'escalation',
    filing: 'filing',
    workbench: 'workbench',
    search: 'search',
  };
  // The app shell too: it is drawn before any feature's lazy chunk has loaded its messages.
  const files = [features, path.resolve(__dirname, '../app')]
    .flatMap((dir) => readdirSync(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !/(\.test\.tsx?|[mM]essages\.ts)$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));

  it.each(files.map((f) => path.relative(features, f)))('%s', (relative) => {
    const source = readFileSync(path.join(features, relative), 'utf8');
    const used = new Set([
      ...[...source.matchAll(/useTranslation\('(\w+)'\)/g)].map((m) => m[1] as string),
      ...[...source.matchAll(/\bt[c]?\('(\w+):/g)].map((m) => m[1] as string),
      ...[...source.matchAll(/\bns: '(\w+)'/g)].map((m) => m[1] as string),
    ]);
    const imported = [...source.matchAll(/(?:from|import) '([^']+)'/g)].map((m) =>
      path.resolve(path.dirname(path.join(features, relative)), m[1] as string),
    );
    for (const ns of used) {
      const place = NS_FOLDER[ns];
      if (!place) continue;
      const { folder, module } = typeof place === 'string' ? { folder: place, module: 'messages' } : place;
      const home = path.join(features, folder);
      expect(
        imported.some((p) => p === path.join(home, module) || p === home),
        `${relative} uses '${ns}' without importing its messages`,
      ).toBe(true);
    }
  });
});
