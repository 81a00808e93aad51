import { describe, expect, it } from 'vitest';
import { sealRecord } from './fingerprint';
import { amendmentsInChainOrder, recordLineage } from './lineage';
import type { MeetingRecord } from './record';
import {
  amendedForTest as amend,
  SAMPLE_DECISION_PARKING_ID,
  SAMPLE_ITEM_PARKING_ID,
  sampleSignedRedBenchRecord,
} from '../fixtures/testRecord';

const decision = (r: MeetingRecord) => r.decisions.find((d) => d.id === SAMPLE_DECISION_PARKING_ID)!;

/** The signed sample, amended three times on "another computer": a field, a row added, a row removed. */
async function threeVersions() {
  const signed = await sampleSignedRedBenchRecord();
  const once = await amend(signed, '2026-07-20T02:00:00Z', (d) => void (decision(d).deadline = '2026-09-30'));
  const twice = await amend(once, '2026-07-21T02:00:00Z', (d) => {
    d.votes.push({ ...d.votes[0]!, id: 'vote-added', subject: '施工时间' });
    d.meeting.place = '社区党群服务中心二楼';
  });
  const thrice = await amend(twice, '2026-07-22T02:00:00Z', (d) => {
    d.votes = d.votes.filter((v) => v.id !== 'vote-added');
    d.agendaItems.find((i) => i.id === SAMPLE_ITEM_PARKING_ID)!.resolution = '表决通过，公示后施工';
  });
  return { signed, once, twice, thrice };
}

describe('recordLineage', () => {
  it('tells a further-amended copy from the one it continues, both ways and over several amendments', async () => {
    const { signed, once, twice, thrice } = await threeVersions();
    expect(recordLineage(signed, signed)).toEqual({ relation: 'same' });
    expect(recordLineage(signed, once)).toEqual({ relation: 'newer', amendments: 1 });
    expect(recordLineage(signed, thrice)).toEqual({ relation: 'newer', amendments: 3 });
    expect(recordLineage(once, thrice)).toEqual({ relation: 'newer', amendments: 2 });
    expect(recordLineage(thrice, once)).toEqual({ relation: 'older', amendments: 2 });
    expect(recordLineage(twice, signed)).toEqual({ relation: 'older', amendments: 2 });
  });

  it('does not depend on the order the amendments are stored in', async () => {
    const { once, thrice } = await threeVersions();
    const shuffled = { ...thrice, amendments: [...thrice.amendments].reverse() };
    expect(amendmentsInChainOrder(shuffled)!.map((a) => a.id)).toEqual(thrice.amendments.map((a) => a.id));
    expect(recordLineage(once, shuffled)).toEqual({ relation: 'newer', amendments: 2 });
  });

  it('calls two copies amended apart diverged, whichever has more amendments', async () => {
    const { once, twice } = await threeVersions();
    const elsewhere = await amend(once, '2026-07-21T03:00:00Z', (d) => void (d.meeting.place = '小区议事亭'));
    expect(recordLineage(twice, elsewhere)).toEqual({ relation: 'diverged' });
    const further = await amend(elsewhere, '2026-07-23T03:00:00Z', (d) => void (decision(d).standard = '划线清晰'));
    expect(recordLineage(twice, further)).toEqual({ relation: 'diverged' });
    expect(recordLineage(further, twice)).toEqual({ relation: 'diverged' });
  });

  it('refuses a copy changed beyond what its amendments say, even when re-sealed', async () => {
    const { signed, once } = await threeVersions();
    const changed = structuredClone(once);
    decision(changed).responsible = { ...decision(changed).responsible, name: '王某某' } as never;
    const resealed = await sealRecord(changed);
    // The re-sealed copy's chain no longer ends at its fingerprint, so it cannot continue anything;
    // and with the last amendment's fingerprint forged to match, the replay still finds the change.
    expect(recordLineage(signed, resealed)).toEqual({ relation: 'diverged' });
    const forged = structuredClone(resealed);
    forged.amendments[0]!.fingerprintAfter = forged.meeting.fingerprint!;
    expect(recordLineage(signed, forged)).toEqual({ relation: 'diverged' });
  });

  it('refuses amendments whose before-values are not what this computer holds', async () => {
    const { signed, once } = await threeVersions();
    const local = structuredClone(signed);
    decision(local).deadline = '2026-09-01';
    expect(recordLineage(local, once)).toEqual({ relation: 'diverged' });
  });

  it('refuses crafted paths: unknown lists, prototype keys, a row added under another id', async () => {
    const { signed, once } = await threeVersions();
    const crafted = (path: string, before: unknown, after: unknown) => {
      const copy = structuredClone(once);
      copy.amendments[0]!.changes = [{ path, before, after }];
      return copy;
    };
    for (const file of [
      crafted('people[x].name', undefined, 'x'),
      crafted('meeting.__proto__', undefined, { polluted: true }),
      crafted(`decisions[${SAMPLE_DECISION_PARKING_ID}].__proto__.x`, undefined, 1),
      crafted('votes[vote-9]', undefined, { ...signed.votes[0]!, id: 'vote-10' }),
      crafted('meeting', undefined, 1),
    ])
      expect(recordLineage(signed, file)).toEqual({ relation: 'diverged' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('never relates two different meetings', async () => {
    const { signed, once } = await threeVersions();
    const other = { ...once, meeting: { ...once.meeting, id: 'another-meeting' } };
    expect(recordLineage(signed, other)).toEqual({ relation: 'diverged' });
  });
});
