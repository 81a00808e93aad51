import { describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createDb, type YishiDb } from '../db';
import { samplePackage, sampleFilingInput } from '../../../shared/fixtures/filingPackage';
import { verifyFilingPackage } from '../../../shared/filing/verify';
import { importMeetingRecord } from './meetingFileRepo';
import {
  buildResponseFile,
  importFilingPackage,
  importResponseFile,
  listFilings,
  openFiling,
  registerFilingSigner,
  responsesOfMeeting,
  saveReview,
  signerStateOf,
} from './reviewRepo';
import { buildMonthlyFiling, monthlyFilingPlan, type ToPdf } from './filingRepo';
import { loadDemoCommunity } from './setupRepo';

const freshDb = () => createDb('yishi', { indexedDB: new IDBFactory(), IDBKeyRange });

async function counts(db: YishiDb) {
  return {
    filings: await db.filings.count(),
    packages: await db.filingPackages.count(),
    audit: await db.auditLog.count(),
  };
}

describe('审阅: importing filing packages', () => {
  it('a package imported twice is stored once; the second is recognised as a duplicate', async () => {
    const db = freshDb();
    const bytes = await samplePackage();
    const first = await importFilingPackage(db, bytes, '胜兴社区-2026年7月备案包.yishi');
    expect(first).toMatchObject({ ok: true, result: 'added', signer: { state: 'signedUnregistered' } });
    // Exported again later: another file, the same filing.
    const again = await samplePackage({ now: new Date('2026-08-05T00:00:00Z') });
    expect(await importFilingPackage(db, again, 'copy.yishi')).toMatchObject({ ok: true, result: 'duplicate' });
    expect(await counts(db)).toEqual({ filings: 1, packages: 1, audit: 1 });
    const [row] = await listFilings(db);
    expect(row).toMatchObject({ orgName: '胜兴社区', month: '2026-07', periodKind: 'month' });
    expect(row!.meetings).toHaveLength(1);
  });

  it('a package that fails verification writes nothing', async () => {
    const db = freshDb();
    const bytes = await samplePackage();
    const bad = bytes.slice();
    bad[200] = bad[200]! ^ 0x01;
    expect((await importFilingPackage(db, bad, 'bad.yishi')).ok).toBe(false);
    expect(await importFilingPackage(db, bytes.subarray(0, 1000), 'cut.yishi')).toMatchObject({ ok: false });
    expect(await counts(db)).toEqual({ filings: 0, packages: 0, audit: 0 });
  });

  it('an unknown signer is registered from the filing (登记此公钥) and then verifies as 签名有效', async () => {
    const db = freshDb();
    const imported = await importFilingPackage(db, await samplePackage(), 'a.yishi');
    if (!imported.ok) throw new Error('not imported');
    expect(await signerStateOf(db, imported.row)).toBe('signedUnregistered');
    expect(await registerFilingSigner(db, imported.row.id)).toMatchObject({ ok: true });
    expect(await signerStateOf(db, imported.row)).toBe('signedValid');
    const opened = await openFiling(db, imported.row.id);
    expect(opened?.reading).toMatchObject({ ok: true, signer: { state: 'signedValid', orgName: '胜兴社区' } });
  });
});

describe('审阅意见 and the response file', () => {
  it('退回补正 needs reasons; the response file is imported by the community and shown on its meeting', async () => {
    const reviewer = freshDb();
    const imported = await importFilingPackage(reviewer, await samplePackage(), 'a.yishi');
    if (!imported.ok) throw new Error('not imported');
    const id = imported.row.id;
    expect(await saveReview(reviewer, id, { outcome: 'returned', reasons: '  ' })).toEqual({
      ok: false,
      problem: 'reasonsRequired',
    });
    expect(await saveReview(reviewer, id, { outcome: 'returned', reasons: '第2项决定缺少监督人' })).toEqual({
      ok: true,
    });
    const { text } = await buildResponseFile(reviewer, id);

    const community = freshDb();
    expect(await importResponseFile(community, text)).toEqual({ ok: false, problem: 'notOurs' });
    const { meetings } = await sampleFilingInput();
    const { record, extras } = meetings[0]!;
    await importMeetingRecord(
      community,
      record,
      { replace: false },
      {
        signatures: extras.signatures ?? [],
        followup: { progress: [], notices: [], evaluations: [], attachments: [] },
      },
    );
    expect(await importResponseFile(community, text)).toMatchObject({ ok: true, result: 'added' });
    expect(await importResponseFile(community, text)).toMatchObject({ ok: true, result: 'duplicate' });
    const [shown] = await responsesOfMeeting(community, record.meeting.id);
    expect(shown).toMatchObject({ outcome: 'returned', reasons: '第2项决定缺少监督人' });

    const forged = text.replace('第2项决定缺少监督人', '无问题');
    expect(await importResponseFile(community, forged)).toEqual({ ok: false, problem: 'badSignature' });
    expect(await community.filingResponses.count()).toBe(1);
  });
});

describe('备案包 from the demo community', () => {
  it("月度备案 holds the month's signed meetings, names the unsigned ones, and verifies", async () => {
    const db = freshDb();
    await loadDemoCommunity(db, new Date('2026-07-20T02:00:00Z'));
    const signed = (await db.meetings.where('status').equals('signed').first())!;
    const units = new Map((await db.orgUnits.toArray()).map((u) => [u.id, u]));
    let community = units.get(signed.orgUnitId)!;
    while (community.level !== 'community') community = units.get(community.parentId!)!;
    const month = signed.startAt.slice(0, 7);
    const plan = await monthlyFilingPlan(db, community.id, month);
    expect(plan.signed.map((m) => m.id)).toContain(signed.id);
    const built = await buildMonthlyFiling(db, community.id, month, 'test');
    expect(built.manifest.meetings.map((m) => m.meetingId)).toEqual(plan.signed.map((m) => m.id));
    expect(built.manifest.leftOut.map((m) => m.meetingId)).toEqual(plan.unsigned.map((m) => m.id));
    const reading = await verifyFilingPackage(built.bytes, []);
    expect(reading.ok && reading.signer.state).toBe('signedUnregistered');
    expect(built.manifest.meetings.some((m) => m.minutesPdf)).toBe(false);

    // Where the desktop converts the 纪要, each meeting carries its own PDF, in order.
    const asked: Uint8Array[][] = [];
    const withPdf = await buildMonthlyFiling(db, community.id, month, 'test', new Date(), async ({ documents }) => {
      asked.push(documents);
      return { status: 'converted', pdfs: documents.map((_, i) => new TextEncoder().encode(`%PDF-1.7 #${i}`)) };
    });
    expect(asked[0]).toHaveLength(plan.signed.length);
    const read = await verifyFilingPackage(withPdf.bytes, []);
    if (!read.ok) throw new Error(JSON.stringify(read.problem));
    expect(read.meetings.map((m) => new TextDecoder().decode(m.minutesPdf))).toEqual(
      plan.signed.map((_, i) => `%PDF-1.7 #${i}`),
    );
    expect(read.meetings.map((m) => m.minutesDocx)).toEqual(asked[0]);
    // No office suite, a failing one, or a short answer: the package holds the Word files only.
    const answers: ToPdf[] = [
      async () => ({ status: 'unavailable', reason: 'noOffice' }),
      async () => Promise.reject(new Error('soffice crashed')),
      async () => ({ status: 'converted', pdfs: [] }),
    ];
    for (const toPdf of answers) {
      const plain = await buildMonthlyFiling(db, community.id, month, 'test', new Date(), toPdf);
      expect(plain.manifest.meetings.some((m) => m.minutesPdf)).toBe(false);
    }
  }, 120_000);
});
