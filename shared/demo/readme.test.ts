import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildRosterSearchIndex, searchRoster } from '../roster/search';
import { buildDemoData } from './demoCommunity';

/** The README's roster search examples ("`zlh` finds 张丽华"), checked against the demo it describes. */
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const examples = [...readme.matchAll(/`([^`]+)` finds (\p{Script=Han}+)/gu)].map((m) => ({
  query: m[1]!,
  name: m[2]!,
}));

describe('README search examples', () => {
  it('are there to check', () => {
    expect(examples.length).toBeGreaterThan(0);
  });

  it.each(examples)('`$query` finds $name in the demo community', ({ query, name }) => {
    const index = buildRosterSearchIndex(buildDemoData(new Date('2026-11-10T01:00:00Z')).people);
    expect(searchRoster(index, query).people.map((p) => p.name)).toContain(name);
  });
});
