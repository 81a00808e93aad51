import {
  verifyFilingPackage,
  type FilingProblem,
  type FilingReading,
  type PackageSigner,
} from '../../../shared/filing/verify';
import {
  filingRowSchema,
  readResponseFile,
  responseFileText,
  responseRowOf,
  reviewOpinionSchema,
  type FilingResponseRow,
  type FilingRow,
  type ResponseProblem,
  type ReviewOpinion,
} from '../../../shared/filing/review';
import { packageRows, readPackageBytes } from '../../../shared/filing/packageParts';
import { publicKeyFileText } from '../../../shared/signing/keyFile';
import { safeFileName } from '../../../shared/fileName';
import type { YishiDb } from '../db';
import { appendAudit, AUDIT_TABLES } from './auditRepo';
import { currentSigner, knownKeys, registerKeyFile, type RegisterOutcome } from './signingRepo';

/**
 * 审阅 on the reviewer's side (a 街道 or 区): filing packages verified, then stored in one
 * transaction with their audit entry; a package that fails is never stored, and a second copy of
 * a filing (same content id) is recognised and not stored twice. On the community's side: the
 * signed 审阅结果 it imports.
 */

export type FilingImport =
  | { ok: true; result: 'added' | 'duplicate'; row: FilingRow; signer: PackageSigner }
  | { ok: false; problem: FilingProblem | { code: 'tooLarge'; maxMb: number } };

const MONTH_OF_DATE = (date: string) => date.slice(0, 7);

function rowOf(reading: Extract<FilingReading, { ok: true }>, fileName: string, now: Date): FilingRow {
  const { manifest } = reading;
  return filingRowSchema.parse({
    id: reading.contentId,
    orgUnitId: manifest.organisation.orgUnitId,
    orgName: manifest.organisation.orgName,
    periodKind: manifest.period.kind,
    month: manifest.period.kind === 'month' ? manifest.period.month : MONTH_OF_DATE(manifest.meetings[0]!.date),
    meetings: manifest.meetings.map(({ meetingId, title, date, issueYear, issueNo, fingerprint }) => ({
      meetingId,
      title,
      date,
      issueYear,
      issueNo,
      fingerprint,
    })),
    leftOut: manifest.leftOut.length,
    signerKeyId: manifest.signer.keyId,
    signerPublicKey: manifest.signer.publicKey,
    createdAt: manifest.createdAt,
    importedAt: now.toISOString(),
    fileName: fileName.slice(0, 200),
  });
}

/** Verifies a package and stores it, or says why not; writes nothing unless it verified. */
export async function importFilingPackage(
  db: YishiDb,
  bytes: Uint8Array,
  fileName: string,
  now = new Date(),
): Promise<FilingImport> {
  const reading = await verifyFilingPackage(bytes, await knownKeys(db));
  if (!reading.ok) return reading;
  const row = rowOf(reading, fileName, now);
  const stored = packageRows(row.id, bytes);
  const tables = [db.filings, db.filingPackages, db.filingPackageParts, ...AUDIT_TABLES.map((t) => db.table(t))];
  return db.transaction('rw', tables, async (): Promise<FilingImport> => {
    const existing = await db.filings.get(row.id);
    if (existing) return { ok: true, result: 'duplicate', row: existing, signer: reading.signer };
    await db.filings.add(row);
    // Put, not add: a package left without its filing row (a damaged restore) is replaced.
    await db.filingPackages.put(stored.head);
    await db.filingPackageParts.bulkPut(stored.parts);
    await appendAudit(db, {
      action: 'import',
      summary: `收到「${row.orgName}」${row.month}备案包${row.fileName}：会议${row.meetings.length}个`.slice(0, 500),
      subjectId: row.id,
      at: now,
    });
    return { ok: true, result: 'added', row, signer: reading.signer };
  });
}

/** The filings, newest month first, through the month index (packages are not read). */
export function listFilings(db: YishiDb): Promise<FilingRow[]> {
  return db.filings.orderBy('month').reverse().limit(2000).toArray();
}

/** A stored filing read again from its package, verified with the keys known now. */
export async function openFiling(db: YishiDb, id: string): Promise<{ row: FilingRow; reading: FilingReading } | null> {
  const [row, stored] = await Promise.all([db.filings.get(id), db.filingPackages.get(id)]);
  if (!row || !stored) return null;
  const bytes = await readPackageBytes(stored, (partId) => db.filingPackageParts.get(partId));
  if (!bytes) return { row, reading: { ok: false, problem: { code: 'truncated' } } };
  return { row, reading: await verifyFilingPackage(bytes, await knownKeys(db)) };
}

/** How the package's signer stands now: its key registered (or own), or not. */
export async function signerStateOf(db: YishiDb, row: FilingRow): Promise<'signedValid' | 'signedUnregistered'> {
  const keys = await knownKeys(db);
  return keys.some((k) => k.keyId === row.signerKeyId && k.publicKey === row.signerPublicKey)
    ? 'signedValid'
    : 'signedUnregistered';
}

/** 登记此公钥: the filing's signer registered under the community's name, as from its key file. */
export async function registerFilingSigner(db: YishiDb, id: string, now = new Date()): Promise<RegisterOutcome> {
  const row = await db.filings.get(id);
  if (!row) throw new Error(`filing ${id} is missing`);
  const text = publicKeyFileText({
    organisation: row.orgName,
    keyId: row.signerKeyId,
    publicKey: row.signerPublicKey,
    createdAt: row.createdAt,
  });
  return registerKeyFile(db, text, now);
}

/** 审阅意见: 已审阅, or 退回补正 with reasons (required). */
export async function saveReview(
  db: YishiDb,
  id: string,
  input: Omit<ReviewOpinion, 'at'>,
  now = new Date(),
): Promise<{ ok: true } | { ok: false; problem: 'reasonsRequired' }> {
  const parsed = reviewOpinionSchema.safeParse({ ...input, at: now.toISOString() });
  if (!parsed.success) return { ok: false, problem: 'reasonsRequired' };
  const tables = [db.filings, ...AUDIT_TABLES.map((t) => db.table(t))];
  await db.transaction('rw', tables, async () => {
    const row = await db.filings.get(id);
    if (!row) throw new Error(`filing ${id} is missing`);
    await db.filings.put({ ...row, review: parsed.data });
    const outcome = parsed.data.outcome === 'reviewed' ? '已审阅' : `退回补正（${parsed.data.reasons}）`;
    await appendAudit(db, {
      action: 'filing',
      summary: `审阅「${row.orgName}」${row.month}备案：${outcome}`.slice(0, 500),
      subjectId: id,
      at: now,
    });
  });
  return { ok: true };
}

/** The signed response file (审阅结果) of a filing's 审阅意见, for the community to import. */
export async function buildResponseFile(
  db: YishiDb,
  id: string,
  now = new Date(),
): Promise<{ text: string; fileName: string }> {
  const row = await db.filings.get(id);
  if (!row?.review) throw new Error(`filing ${id} has no review`);
  const signer = await currentSigner(db, now);
  const reviewerName = await reviewerOrgName(db, signer.orgName);
  const text = await responseFileText(
    {
      format: 'yishi-filing-response',
      version: 1,
      filingId: row.id,
      community: { orgUnitId: row.orgUnitId, orgName: row.orgName },
      month: row.month,
      meetings: row.meetings,
      opinion: row.review,
      reviewer: { orgName: reviewerName, keyId: signer.key.keyId, publicKey: signer.key.publicKey },
    },
    signer.key,
  );
  const fileName = safeFileName(`${row.orgName}-${row.month}-审阅结果`, 'json', '审阅结果');
  await appendAudit(db, { action: 'export', summary: `导出审阅结果${fileName}`, subjectId: id, at: now });
  return { text, fileName };
}

/** The reviewer signs as its 街道 (or 区), the highest unit it set up at that level. */
async function reviewerOrgName(db: YishiDb, fallback: string): Promise<string> {
  const units = await db.orgUnits.where('level').anyOf(['subdistrict', 'district']).toArray();
  const settings = await db.settings.get('app');
  const level = settings?.ownLevel === 'district' ? 'district' : 'subdistrict';
  return units.find((u) => u.level === level)?.name ?? fallback;
}

export type ResponseImport =
  | { ok: true; result: 'added' | 'duplicate'; row: FilingResponseRow }
  | { ok: false; problem: ResponseProblem | 'notOurs' };

/**
 * The community imports a 审阅结果: its signature must verify, and it must be about meetings this
 * computer holds with the seals it filed; stored once (a second import of the same file changes nothing).
 */
export async function importResponseFile(db: YishiDb, text: string, now = new Date()): Promise<ResponseImport> {
  const reading = await readResponseFile(text);
  if (!reading.ok) return reading;
  const { body } = reading;
  const row = responseRowOf(body, now.toISOString());
  const tables = [db.meetings, db.filingResponses, ...AUDIT_TABLES.map((t) => db.table(t))];
  return db.transaction('rw', tables, async (): Promise<ResponseImport> => {
    const meetings = await db.meetings.bulkGet(body.meetings.map((m) => m.meetingId));
    const ours = meetings.every((m, i) => m && m.fingerprint === body.meetings[i]!.fingerprint);
    if (!ours) return { ok: false, problem: 'notOurs' };
    const existing = await db.filingResponses.get(row.id);
    if (existing) return { ok: true, result: 'duplicate', row: existing };
    await db.filingResponses.add(row);
    const outcome = row.outcome === 'reviewed' ? '已审阅' : `退回补正（${row.reasons}）`;
    await appendAudit(db, {
      action: 'import',
      summary: `导入「${row.reviewerOrg}」的审阅结果：${body.month}备案${outcome}`.slice(0, 500),
      subjectId: row.filingId,
      at: now,
    });
    return { ok: true, result: 'added', row };
  });
}

/** The 审阅结果 received for a meeting, newest first (through the multi-entry meetingIds index). */
export async function responsesOfMeeting(db: YishiDb, meetingId: string): Promise<FilingResponseRow[]> {
  const rows = await db.filingResponses.where('meetingIds').equals(meetingId).toArray();
  return rows.sort((a, b) => b.reviewedAt.localeCompare(a.reviewedAt));
}

/** The keys that make a filing's signer 签名有效, as `keyId/publicKey`, for the list's tags. */
export async function signerKeysKnown(db: YishiDb): Promise<Set<string>> {
  return new Set((await knownKeys(db)).map((k) => `${k.keyId}/${k.publicKey}`));
}
