import { describe, expect, it } from 'vitest';
import { matterEventSchema, matterSchema } from '../domain/matter';
import { ORG_LEVELS, childLevel, descendantIds, orgUnitSchema, type OrgUnit } from '../domain/org';
import { isValidPhone, personSchema } from '../domain/person';
import { standingCoverage } from '../domain/roles';
import { settingsSchema } from '../settings';
import {
  DEMO_COMMUNITY_NAMES,
  DEMO_DOCUMENT_ORG_NAME,
  DEMO_ID_PREFIX,
  DEMO_RED_BENCH_COMPOUND,
  DEMO_RED_BENCH_COMPOUND_ID,
  buildDemoData,
} from './demoCommunity';

const NOW = new Date('2026-03-05T09:30:00+08:00');
const data = buildDemoData(NOW);
const byId = new Map(data.orgUnits.map((u) => [u.id, u]));
const ofLevel = (level: OrgUnit['level']) => data.orgUnits.filter((u) => u.level === level);
const peopleUnder = (unitId: string) => {
  const ids = descendantIds(data.orgUnits, unitId);
  return data.people.filter((p) => p.orgUnitId !== undefined && ids.has(p.orgUnitId));
};

describe('buildDemoData', () => {
  it('is deterministic', () => {
    expect(buildDemoData(NOW)).toEqual(data);
    expect(buildDemoData(new Date(NOW.getTime()))).toStrictEqual(buildDemoData(NOW));
  });

  it('stamps records from now', () => {
    for (const p of data.people) {
      expect(p.createdAt).toBe(NOW.toISOString());
      expect(p.updatedAt).toBe(NOW.toISOString());
    }
    for (const m of data.matters) expect(Date.parse(m.createdAt)).toBeLessThanOrEqual(NOW.getTime());
  });

  it('produces only schema-valid records', () => {
    for (const u of data.orgUnits) expect(orgUnitSchema.safeParse(u).error).toBeUndefined();
    for (const p of data.people) expect(personSchema.safeParse(p).error).toBeUndefined();
    for (const m of data.matters) expect(matterSchema.safeParse(m).error).toBeUndefined();
    expect(settingsSchema.partial().safeParse(data.settings).error).toBeUndefined();
  });

  it('uses unique, demo-prefixed ids and unique names', () => {
    const ids = [...data.orgUnits, ...data.people, ...data.matters].map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id.startsWith(DEMO_ID_PREFIX)).toBe(true);
    const names = data.people.map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('links every unit to a parent one level up, from a single district root', () => {
    const roots = data.orgUnits.filter((u) => u.parentId === null);
    expect(roots).toHaveLength(1);
    expect(roots[0]?.level).toBe('district');
    for (const u of data.orgUnits) {
      if (u.parentId === null) continue;
      const parent = byId.get(u.parentId);
      expect(parent, u.name).toBeDefined();
      expect(childLevel(parent!.level)).toBe(u.level);
    }
    for (const level of ORG_LEVELS) expect(ofLevel(level).length).toBeGreaterThan(0);
  });

  it('has the communities and compounds of the report', () => {
    const communities = ofLevel('community').map((u) => u.name);
    expect(communities).toEqual([...DEMO_COMMUNITY_NAMES]);
    expect(communities).toEqual(expect.arrayContaining(['胜兴社区', '康居社区', '汇丰社区']));
    const redBench = byId.get(DEMO_RED_BENCH_COMPOUND_ID);
    expect(redBench?.name).toBe(DEMO_RED_BENCH_COMPOUND);
    expect(redBench?.level).toBe('compound');
    expect(byId.get(redBench!.parentId!)?.name).toBe('胜兴社区');
    expect(ofLevel('compound').find((u) => u.name === '新东方小区')?.households).toBe(1800);
    expect(data.settings.documentOrgName).toBe(DEMO_DOCUMENT_ORG_NAME);
  });

  it('splits each compound into grids of about 300 households', () => {
    for (const compound of ofLevel('compound')) {
      const grids = data.orgUnits.filter((u) => u.parentId === compound.id);
      expect(grids.every((g) => g.level === 'grid')).toBe(true);
      expect(grids.reduce((sum, g) => sum + (g.households ?? 0), 0)).toBe(compound.households);
      expect(grids.length).toBe(Math.max(1, Math.round((compound.households ?? 0) / 300)));
    }
  });

  it('covers all six standing roles in every compound', () => {
    for (const compound of ofLevel('compound')) {
      const coverage = standingCoverage(peopleUnder(compound.id).map((p) => p.roles));
      expect(coverage.missing, compound.name).toEqual([]);
      expect(
        peopleUnder(compound.id).some((p) => p.roles.includes('stakeholder')),
        compound.name,
      ).toBe(true);
    }
  });

  it('gives every community one grid worker per grid and exactly two mediators', () => {
    for (const community of ofLevel('community')) {
      const staff = peopleUnder(community.id);
      const grids = ofLevel('grid').filter((g) => descendantIds(data.orgUnits, community.id).has(g.id));
      const workers = staff.filter((p) => p.isGridWorker);
      expect(workers.length, community.name).toBeGreaterThanOrEqual(1);
      expect(workers.length, community.name).toBe(grids.length);
      for (const grid of grids) expect(workers.filter((w) => w.orgUnitId === grid.id)).toHaveLength(1);
      expect(
        staff.filter((p) => p.isMediator),
        community.name,
      ).toHaveLength(2);
      expect(staff.filter((p) => p.roles.includes('secretary') && p.orgUnitId === community.id)).toHaveLength(1);
    }
  });

  it('gives people valid, unique phones, with some left blank', () => {
    const phones = data.people.flatMap((p) => (p.phone ? [p.phone] : []));
    for (const phone of phones) expect(isValidPhone(phone), phone).toBe(true);
    expect(new Set(phones).size).toBe(phones.length);
    expect(phones.length).toBeLessThan(data.people.length);
    expect(phones.some((p) => p.startsWith('0546-'))).toBe(true);
    expect(data.people.filter((p) => p.gender).length).toBeGreaterThan(data.people.length * 0.9);
    expect(data.people.filter((p) => p.isPartyMember).length).toBeGreaterThan(data.people.length / 3);
  });

  it('derives pinyin initials and keeps the size realistic', () => {
    const sample = data.people.find((p) => p.name === '李振海');
    expect(sample?.initials).toBe('lzh');
    expect(data.people.length).toBeGreaterThanOrEqual(90);
    expect(data.people.length).toBeLessThanOrEqual(140);
  });

  it('files matters under existing units and points the recorder at a real person', () => {
    for (const m of data.matters) expect(byId.has(m.orgUnitId), m.title).toBe(true);
    // The compound's own matters (not its grids'), merged duplicates left out: the two of the red-bench meeting and a new one.
    const redBenchMatters = data.matters.filter((m) => m.orgUnitId === DEMO_RED_BENCH_COMPOUND_ID && !m.mergedInto);
    expect(redBenchMatters.map((m) => m.title)).toEqual([
      '垃圾分类设施改造提升',
      '停车位改造划分',
      '小区路灯不亮，夜间出行不便',
    ]);
  });

  it('gives the matters timelines: every matter registered first, merges on both sides, raisers kept', () => {
    const byMatter = new Map(data.matters.map((m) => [m.id, data.matterEvents.filter((e) => e.matterId === m.id)]));
    for (const m of data.matters) {
      expect(matterSchema.safeParse(m).error, m.title).toBeUndefined();
      expect(byMatter.get(m.id)![0]?.kind, m.title).toBe('registered');
    }
    for (const e of data.matterEvents) expect(matterEventSchema.safeParse(e).error).toBeUndefined();
    const merged = data.matters.filter((m) => m.mergedInto);
    expect(merged.length).toBeGreaterThanOrEqual(2);
    for (const m of merged) {
      const kept = data.matters.find((k) => k.id === m.mergedInto)!;
      expect(kept.alsoRaisedBy).toContainEqual(m.raisedBy);
      expect(byMatter.get(kept.id)!.some((e) => e.kind === 'absorbed' && e.otherMatterId === m.id)).toBe(true);
    }
    expect(data.matters.some((m) => m.handling && m.closedAt)).toBe(true);
    expect(data.matters.some((m) => m.path === 'untriaged')).toBe(true);
    // A triage step names the path chosen, as the repository writes it.
    for (const e of data.matterEvents.filter((e) => e.kind === 'triaged'))
      expect(['immediate', 'pending', 'escalate']).toContain(e.note);
    const recorder = data.people.find((p) => p.id === data.settings.defaultRecorderId);
    expect(recorder?.orgUnitId).toBe(DEMO_RED_BENCH_COMPOUND_ID);
  });
});
