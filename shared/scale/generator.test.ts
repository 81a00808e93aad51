import { describe, expect, it } from 'vitest';
import { STORE_TABLES, type TableName } from '../store/schema';
import {
  SCALE_LIVE_MEETING_ID,
  generateDistrict,
  scaleLongSignedMeetingId,
  scaledConfig,
  type ScaleConfig,
} from './generator';

const SMALL: ScaleConfig = scaledConfig(0.01, {
  seed: 7,
  years: 2,
  communities: 1,
  compoundsPerCommunity: 3,
  peoplePerCompound: 30,
  meetings: 60,
  longSignedMeetings: 1,
  longMinutesChars: 5_000,
  batchSize: 50,
});

async function collect(config: ScaleConfig): Promise<{ tables: Record<TableName, unknown[]>; maxBatch: number }> {
  const tables = Object.fromEntries(Object.keys(STORE_TABLES).map((t) => [t, []])) as unknown as Record<
    TableName,
    unknown[]
  >;
  let maxBatch = 0;
  for await (const batch of generateDistrict(config)) {
    maxBatch = Math.max(maxBatch, batch.rows.length);
    tables[batch.table].push(...batch.rows);
  }
  return { tables, maxBatch };
}

describe('generateDistrict', () => {
  it('is deterministic: the same seed gives the same rows', async () => {
    const a = await collect(SMALL);
    const b = await collect(SMALL);
    expect(JSON.stringify(b.tables)).toBe(JSON.stringify(a.tables));
    const c = await collect({ ...SMALL, seed: 8 });
    expect(JSON.stringify(c.tables.people)).not.toBe(JSON.stringify(a.tables.people));
  });

  it('yields batches no larger than batchSize', async () => {
    const { maxBatch } = await collect(SMALL);
    expect(maxBatch).toBeLessThanOrEqual(SMALL.batchSize);
  });

  it('produces rows that pass the stored schema, with referential integrity', async () => {
    const { tables } = await collect(SMALL);
    for (const name of Object.keys(STORE_TABLES) as TableName[]) {
      for (const row of tables[name]) {
        const parsed = STORE_TABLES[name].row.safeParse(row);
        if (!parsed.success) throw new Error(`${name}: ${JSON.stringify(row).slice(0, 300)}\n${parsed.error.message}`);
      }
    }
    const ids = (name: TableName) => new Set(tables[name].map((r) => (r as { id: string }).id));
    const units = ids('orgUnits');
    const meetings = ids('meetings');
    const items = ids('agendaItems');
    const people = ids('people');
    const matters = ids('matters');
    for (const name of Object.keys(STORE_TABLES) as TableName[]) {
      const pk = STORE_TABLES[name].indexes.split(',')[0]!.trim();
      const keys = tables[name].map((r) => (r as Record<string, string>)[pk]);
      expect(new Set(keys).size, `${name} primary keys unique`).toBe(keys.length);
      for (const row of tables[name] as Record<string, unknown>[]) {
        if (typeof row.meetingId === 'string') expect(meetings.has(row.meetingId), `${name}.meetingId`).toBe(true);
        if (typeof row.agendaItemId === 'string')
          expect(items.has(row.agendaItemId), `${name}.agendaItemId`).toBe(true);
        if (typeof row.orgUnitId === 'string') expect(units.has(row.orgUnitId), `${name}.orgUnitId`).toBe(true);
        if (typeof row.parentId === 'string') expect(units.has(row.parentId), `${name}.parentId`).toBe(true);
        if (typeof row.personId === 'string') expect(people.has(row.personId), `${name}.personId`).toBe(true);
        if (typeof row.matterId === 'string') expect(matters.has(row.matterId), `${name}.matterId`).toBe(true);
      }
    }
    expect(meetings.has(SCALE_LIVE_MEETING_ID)).toBe(true);
    expect(meetings.has(scaleLongSignedMeetingId(0))).toBe(true);
    expect(tables.settings).toHaveLength(1);
  });

  it('has the shape of the district: signed history, drafts ahead, long minutes', async () => {
    const { tables } = await collect(SMALL);
    const meetings = tables.meetings as {
      id: string;
      status: string;
      startAt: string;
      fingerprint?: string;
      type: string;
    }[];
    const signed = meetings.filter((m) => m.status === 'signed');
    expect(signed.length).toBeGreaterThan(meetings.length / 2);
    expect(signed.every((m) => /^[0-9a-f]{64}$/.test(m.fingerprint ?? ''))).toBe(true);
    expect(meetings.some((m) => m.status === 'draft')).toBe(true);
    expect(meetings.some((m) => m.type === 'redBench')).toBe(true);
    const long = (tables.minutes as { meetingId: string; text: string }[]).filter(
      (m) => m.meetingId === scaleLongSignedMeetingId(0),
    );
    expect(Math.max(...long.map((m) => m.text.length))).toBeGreaterThanOrEqual(SMALL.longMinutesChars);
    const people = tables.people as { initials: string; name: string }[];
    expect(people.every((p) => /^[a-z]+$/.test(p.initials))).toBe(true);
    const decisions = tables.decisions as {
      responsible: unknown;
      standard: string;
      deadline: string;
      supervisor: unknown;
    }[];
    expect(decisions.length).toBeGreaterThan(0);
  });
});
