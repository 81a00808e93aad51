import type { Meeting } from '../../../shared/domain/meeting';
import type { OrgUnit } from '../../../shared/domain/org';
import { meetingDay } from '../../../shared/dates';
import { buildFilingPackage, type FilingMeetingInput } from '../../../shared/filing/build';
import type { FilingManifest, FilingPeriod } from '../../../shared/filing/manifest';
import { safeFileName } from '../../../shared/fileName';
import type { ConvertToPdfRequest, PdfConversion } from '../../../shared/bridge';
import type { YishiDb } from '../db';
import { appendAudit } from './auditRepo';
import { loadMeetingRecord } from './meetingRepo';
import { loadMeetingFileExtras } from './meetingFileRepo';
import { currentSigner, signingKeyIdOf } from './signingRepo';

/**
 * 备案包 on the community's side: one signed meeting, or a community's signed meetings of a month
 * (月度备案). The package is built outside any transaction (Word and signing are async work); the
 * audit entry is written once the file is saved (recordFilingExport).
 */

export interface BuiltFiling {
  bytes: Uint8Array;
  fileName: string;
  manifest: FilingManifest;
}

async function meetingInput(db: YishiDb, meetingId: string): Promise<FilingMeetingInput> {
  const record = await loadMeetingRecord(db, meetingId);
  if (!record || record.meeting.status !== 'signed') throw new Error(`meeting ${meetingId} is not signed`);
  const extras = await loadMeetingFileExtras(db, meetingId);
  const { buildMinutesDocx } = await import('../../../shared/documents/minutes');
  const minutesDocx = await buildMinutesDocx(record, { signingKeyId: await signingKeyIdOf(db, meetingId) });
  return { record, extras, minutesDocx };
}

/** The community a meeting's unit lies in (the unit itself, or the nearest community above it). */
function communityOf(units: readonly OrgUnit[], unitId: string): OrgUnit | undefined {
  const byId = new Map(units.map((u) => [u.id, u]));
  for (let unit = byId.get(unitId); unit; unit = unit.parentId ? byId.get(unit.parentId) : undefined)
    if (unit.level === 'community') return unit;
  return undefined;
}

/** The desktop's conversion of .docx to PDF (bridge.convertToPdf); absent in tests and scripts. */
export type ToPdf = (request: ConvertToPdfRequest) => Promise<PdfConversion>;

/**
 * Each meeting's 纪要 as PDF too, where the desktop can make them: all or none, and a failure never
 * stops the filing (the package then holds the Word files only, as from a browser).
 */
async function withPdfs(meetings: FilingMeetingInput[], toPdf: ToPdf | undefined): Promise<FilingMeetingInput[]> {
  if (!toPdf) return meetings;
  const converted = await toPdf({ documents: meetings.map((m) => m.minutesDocx) }).catch(() => null);
  if (converted?.status !== 'converted' || converted.pdfs.length !== meetings.length) return meetings;
  return meetings.map((m, i) => ({ ...m, minutesPdf: converted.pdfs[i]! }));
}

async function build(
  db: YishiDb,
  meetingIds: readonly string[],
  community: { orgUnitId: string; orgName: string },
  period: FilingPeriod,
  leftOut: FilingManifest['leftOut'],
  appVersion: string,
  now: Date,
  toPdf: ToPdf | undefined,
): Promise<Omit<BuiltFiling, 'fileName'>> {
  const read: FilingMeetingInput[] = [];
  for (const id of meetingIds) read.push(await meetingInput(db, id));
  const meetings = await withPdfs(read, toPdf);
  const signer = await currentSigner(db, now);
  return buildFilingPackage({ meetings, leftOut, organisation: community, period, appVersion, now, key: signer.key });
}

/** 生成备案包 of one signed meeting. */
export async function buildMeetingFiling(
  db: YishiDb,
  meetingId: string,
  appVersion: string,
  now = new Date(),
  toPdf?: ToPdf,
): Promise<BuiltFiling> {
  const meeting = await db.meetings.get(meetingId);
  if (!meeting) throw new Error(`meeting ${meetingId} is missing`);
  const units = await db.orgUnits.toArray();
  const unit = communityOf(units, meeting.orgUnitId) ?? units.find((u) => u.id === meeting.orgUnitId);
  const community = { orgUnitId: unit?.id ?? meeting.orgUnitId, orgName: unit?.name ?? meeting.title };
  const built = await build(db, [meetingId], community, { kind: 'meeting' }, [], appVersion, now, toPdf);
  const fileName = safeFileName(
    `${meeting.title}-${meeting.issueYear}年第${meeting.issueNo}期-备案包`,
    'yishi',
    '备案包',
  );
  return { ...built, fileName };
}

export interface MonthPlan {
  community: OrgUnit;
  signed: Meeting[];
  /** Held that month but not signed: named in the package and left out. */
  unsigned: Meeting[];
}

/** The meetings of a community's units in a month (YYYY-MM), through the [orgUnitId+startAt] index. */
export async function monthlyFilingPlan(db: YishiDb, communityId: string, month: string): Promise<MonthPlan> {
  const units = await db.orgUnits.toArray();
  const community = units.find((u) => u.id === communityId);
  if (!community) throw new Error(`unit ${communityId} is missing`);
  const ids = units.filter((u) => communityOf(units, u.id)?.id === communityId).map((u) => u.id);
  const [year, m] = month.split('-').map(Number) as [number, number];
  // A day either side: startAt is UTC, the month is the meeting's local day (meetingDay).
  const from = new Date(Date.UTC(year, m - 1, 0)).toISOString();
  const to = new Date(Date.UTC(year, m, 2)).toISOString();
  const perUnit = await Promise.all(
    ids.map((id) => db.meetings.where('[orgUnitId+startAt]').between([id, from], [id, to], true, true).toArray()),
  );
  const meetings = perUnit.flat();
  const inMonth = meetings
    .filter((mt) => meetingDay(mt).startsWith(`${month}-`) && mt.status !== 'cancelled' && mt.status !== 'draft')
    .sort((a, b) => a.startAt.localeCompare(b.startAt));
  return {
    community,
    signed: inMonth.filter((mt) => mt.status === 'signed'),
    unsigned: inMonth.filter((mt) => mt.status !== 'signed'),
  };
}

/** 月度备案: the month's signed meetings of a community; the unsigned ones named and left out. */
export async function buildMonthlyFiling(
  db: YishiDb,
  communityId: string,
  month: string,
  appVersion: string,
  now = new Date(),
  toPdf?: ToPdf,
): Promise<BuiltFiling & { plan: MonthPlan }> {
  const plan = await monthlyFilingPlan(db, communityId, month);
  if (plan.signed.length === 0) throw new Error('no signed meeting in the month');
  const leftOut = plan.unsigned.map((mt) => ({ meetingId: mt.id, title: mt.title, date: meetingDay(mt) }));
  const community = { orgUnitId: plan.community.id, orgName: plan.community.name };
  const built = await build(
    db,
    plan.signed.map((mt) => mt.id),
    community,
    { kind: 'month', month },
    leftOut,
    appVersion,
    now,
    toPdf,
  );
  const [y, mm] = month.split('-');
  const fileName = safeFileName(`${plan.community.name}-${y}年${Number(mm)}月备案包`, 'yishi', '备案包');
  return { ...built, fileName, plan };
}

/** The audit entry of a saved package (action 'filing'). */
export async function recordFilingExport(db: YishiDb, filing: BuiltFiling): Promise<void> {
  const { manifest } = filing;
  const titles = manifest.meetings.map((m) => `“${m.title}”（${m.issueYear}年第${m.issueNo}期）`).join('、');
  const left = manifest.leftOut.length > 0 ? `；未签名未纳入${manifest.leftOut.length}个` : '';
  await appendAudit(db, {
    action: 'filing',
    summary: `生成备案包${filing.fileName}：${titles}${left}`.slice(0, 500),
    subjectId: manifest.meetings.length === 1 ? manifest.meetings[0]!.meetingId : manifest.organisation.orgUnitId,
  });
}

/** Months with signed meetings, newest first (the last 300 signed meetings, through [status+startAt]). */
export async function signedMonths(db: YishiDb): Promise<string[]> {
  const recent = await db.meetings
    .where('[status+startAt]')
    .between(['signed', ''], ['signed', '\uffff'])
    .reverse()
    .limit(300)
    .toArray();
  return [...new Set(recent.map((m) => meetingDay(m).slice(0, 7)))];
}

/** The communities (社区) of this installation, in order. */
export async function communities(db: YishiDb): Promise<OrgUnit[]> {
  const units = await db.orgUnits.where('level').equals('community').toArray();
  return units.sort((a, b) => a.order - b.order || a.name.localeCompare(b.name, 'zh-CN'));
}
