import { POSTINGS } from '../searchPostings';
import { buildDemoCommunity, demoMeetingRows } from '../../../shared/demo/demoCommunity';
import type { OwnLevel } from '../../../shared/settings';
import { orgUnitSchema, type OrgLevel, type OrgUnit } from '../../../shared/domain/org';
import { newId } from '../../../shared/ids';
import type { YishiDb } from '../db';
import { refusal } from '../../../shared/refusal';
import { loadSettings, saveSettings } from '../settingsStore';
import { signEveryState, type Signer } from '../../../shared/signing/recordSigning';
import { generateSigningKey, type RecordSignature } from '../../../shared/signing/sign';
import { installKey, organisationOf } from './signingRepo';
import { SEARCH_KINDS } from '../../../shared/search/types';
import { searchWorkArrived } from '../searchBackfill';

/**
 * Loads the demo community with its year of meetings in one transaction; refused when the app
 * already holds people, units or meetings. The meetings are signed and sealed first: hashing
 * cannot run inside an IndexedDB transaction, which would commit while it waits.
 *
 * Its records are indexed for 全库检索 afterwards in the background, as a restore's are: indexing
 * the 759 records' ~40,000 letter pairs in the transaction was 2.7 s of the 4.1 s between the
 * click and the 工作台 here.
 */
export async function loadDemoCommunity(db: YishiDb, now = new Date()): Promise<void> {
  const demo = await buildDemoCommunity(now).catch((cause: unknown) => {
    // Only a mistake in the demo data gets here: the user reads Chinese, the console the detail.
    console.error('demo community', cause);
    throw refusal('demoFailed', {}, { cause });
  });
  const rows = demoMeetingRows(demo.meetings);
  // The demo installation's own key signs its signed meetings, each state at the time it came to
  // be, so that 核验 finds them 签名有效 as it would a community's own.
  const signer: Signer = {
    key: (await generateSigningKey()).key,
    ...organisationOf(demo.orgUnits, demo.settings.documentOrgName ?? ''),
  };
  const signatures: RecordSignature[] = [];
  for (const record of demo.meetings)
    if (record.meeting.status === 'signed') signatures.push(...(await signEveryState(record, signer)));
  const tables = [
    db.orgUnits,
    db.people,
    db.matters,
    db.matterEvents,
    db.pointsEntries,
    db.disputes,
    db.mediationSessions,
    db.settings,
    db.decisionProgress,
    db.escalations,
    db.summonedTasks,
    db.publicNotices,
    db.evaluations,
    db.signingKeys,
    db.signingSecrets,
    db.recordSignatures,
    db.searchState,
    ...Object.keys(rows).map((t) => db.table(t)),
  ];
  await db.transaction('rw', tables, async () => {
    if ((await db.orgUnits.count()) > 0 || (await db.people.count()) > 0 || (await db.meetings.count()) > 0)
      throw refusal('demoOverData');
    // Nothing indexed yet: the writes below are not indexed as they are written (searchIndex.ts).
    await db.searchState.bulkPut([...SEARCH_KINDS.map((kind) => ({ kind })), { kind: POSTINGS }]);
    await db.orgUnits.bulkAdd(demo.orgUnits);
    await db.people.bulkAdd(demo.people);
    await db.matters.bulkAdd(demo.matters);
    await db.matterEvents.bulkAdd(demo.matterEvents);
    await db.pointsEntries.bulkAdd(demo.pointsEntries);
    await db.disputes.bulkAdd(demo.disputes);
    await db.mediationSessions.bulkAdd(demo.mediationSessions);
    await db.decisionProgress.bulkAdd(demo.progress);
    await db.escalations.bulkAdd(demo.escalations);
    await db.summonedTasks.bulkAdd(demo.summonedTasks);
    await db.publicNotices.bulkAdd(demo.publicNotices);
    await db.evaluations.bulkAdd(demo.evaluations);
    for (const [table, list] of Object.entries(rows)) await db.table(table).bulkAdd(list);
    await installKey(db, signer, now.toISOString());
    await db.recordSignatures.bulkPut(signatures);
    const settings = await loadSettings(db);
    await saveSettings(db, { ...settings, ...demo.settings, setUpAt: now.toISOString() });
  });
  searchWorkArrived(db);
}

export interface OwnOrganisation {
  district: string;
  subdistrict: string;
  community: string;
  compound?: string;
  documentOrgName: string;
  /** A 街道 or 区 reviews its communities' filings (审阅); absent: a community. */
  ownLevel?: OwnLevel;
}

/** Creates the chain 区 → 街道 → 社区 (→ 小区) the user typed, and marks setup as done. */
export async function createOwnOrganisation(db: YishiDb, input: OwnOrganisation, now = new Date()): Promise<OrgUnit[]> {
  const chain: Array<[OrgLevel, string | undefined]> = [
    ['district', input.district],
    ['subdistrict', input.subdistrict],
    ['community', input.community],
    ['compound', input.compound],
  ];
  const units: OrgUnit[] = [];
  let parentId: string | null = null;
  for (const [level, name] of chain) {
    if (!name?.trim()) continue;
    const unit: OrgUnit = orgUnitSchema.parse({ id: newId(), parentId, level, name, order: 0 });
    units.push(unit);
    parentId = unit.id;
  }
  await db.transaction('rw', [db.orgUnits, db.settings], async () => {
    await db.orgUnits.bulkAdd(units);
    const settings = await loadSettings(db);
    await saveSettings(db, {
      ...settings,
      documentOrgName: input.documentOrgName.trim(),
      setUpAt: now.toISOString(),
      ...(input.ownLevel && input.ownLevel !== 'community' ? { ownLevel: input.ownLevel } : {}),
    });
  });
  return units;
}
