import { describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createDb, type YishiDb } from '../db';
import { sampleRedBenchRecord } from '../../../shared/fixtures/testRecord';
import { fingerprintRecord } from '../../../shared/meeting/fingerprint';
import { generateSigningKey } from '../../../shared/signing/sign';
import { publicKeyFileText } from '../../../shared/signing/keyFile';
import { addOrgUnit } from './orgRepo';
import { amendMeeting, moveMeeting } from './lifecycleRepo';
import { importMeetingRecord } from './meetingFileRepo';
import { loadMeetingRecord } from './meetingRepo';
import {
  listKeys,
  loadSignatures,
  recoverKeys,
  setBackupPassphrase,
  publicKeyFile,
  registerKeyFile,
  removeRegisteredKey,
  rotateSigningKey,
  verifyMeetingSignatures,
} from './signingRepo';
import { loadDemoCommunity } from './setupRepo';

const freshDb = () => createDb('yishi', { indexedDB: new IDBFactory(), IDBKeyRange });

/** The sample finalised meeting in a database whose community is 胜兴社区; returns its id. */
async function finalisedMeeting(db: YishiDb): Promise<string> {
  const district = await addOrgUnit(db, null, '垦利区');
  const sub = await addOrgUnit(db, district, '垦利街道');
  await addOrgUnit(db, sub, '胜兴社区');
  const record = sampleRedBenchRecord();
  expect(await importMeetingRecord(db, record, { replace: false })).toMatchObject({ ok: true });
  return record.meeting.id;
}

async function reseal(db: YishiDb, meetingId: string, change: (place: string) => string) {
  const record = (await loadMeetingRecord(db, meetingId))!;
  const changed = { ...record, meeting: { ...record.meeting, place: change(record.meeting.place) } };
  await db.meetings.put({ ...changed.meeting, fingerprint: await fingerprintRecord(changed) });
}

describe('signing repository', () => {
  it('locking signs with a key made on first use, kept non-extractable', async () => {
    const db = freshDb();
    const id = await finalisedMeeting(db);
    expect(await db.signingKeys.count()).toBe(0);
    expect(await moveMeeting(db, id, 'signed')).toEqual({ ok: true });
    const [key] = await db.signingKeys.toArray();
    expect(key).toMatchObject({ orgName: '胜兴社区' });
    const secret = await db.signingSecrets.get(key!.id);
    expect(secret && 'privateKey' in secret && secret.privateKey.extractable).toBe(false);
    expect(await loadSignatures(db, id)).toHaveLength(1);
    expect(await verifyMeetingSignatures(db, id)).toMatchObject({
      state: 'signedValid',
      orgName: '胜兴社区',
      keyId: key!.id,
      source: 'own',
    });
  });

  it('a record changed and re-sealed in the database no longer matches its signature, and is not amended', async () => {
    const db = freshDb();
    const id = await finalisedMeeting(db);
    await moveMeeting(db, id, 'signed');
    await reseal(db, id, (place) => `${place}（改）`);
    expect(await verifyMeetingSignatures(db, id)).toEqual({ state: 'mismatch', reason: 'resealed' });
    const amend = await amendMeeting(db, id, {
      by: '李振海',
      reason: '更正',
      apply: (d) => void (d.meeting.title += '1'),
    });
    expect(amend).toEqual({ ok: false, problem: { code: 'notConsistent' } });
    expect(await loadSignatures(db, id)).toHaveLength(1);
  });

  it('amendments are signed; a rotated key leaves old signatures valid and signs from then on', async () => {
    const db = freshDb();
    const first = await finalisedMeeting(db);
    await moveMeeting(db, first, 'signed');
    const old = (await listKeys(db)).own[0]!;
    const rotated = await rotateSigningKey(db);
    expect(rotated.id).not.toBe(old.id);
    const keys = await listKeys(db);
    expect(keys.own.map((k) => [k.id, k.current, Boolean(k.retiredAt)])).toEqual([
      [rotated.id, true, false],
      [old.id, false, true],
    ]);
    expect(await verifyMeetingSignatures(db, first)).toMatchObject({ state: 'signedValid', keyId: old.id });

    const amended = await amendMeeting(db, first, {
      by: '李振海',
      reason: '地点笔误',
      apply: (d) => void (d.meeting.place = '党群服务站'),
    });
    expect(amended).toEqual({ ok: true });
    const signatures = await loadSignatures(db, first);
    expect(signatures.map((s) => [s.slot, JSON.parse(s.statement).keyId])).toEqual([
      [0, old.id],
      [1, rotated.id],
    ]);
    expect(await verifyMeetingSignatures(db, first)).toMatchObject({
      state: 'signedValid',
      keyId: rotated.id,
      amendments: 1,
    });
  });

  it('registers other organisations’ key files, refuses bad ones and its own, and removes them', async () => {
    const db = freshDb();
    const id = await finalisedMeeting(db);
    await moveMeeting(db, id, 'signed');
    const own = (await listKeys(db)).own[0]!;
    expect(JSON.parse(await publicKeyFile(db, own.id))).toMatchObject({
      format: 'yishi-public-key',
      version: 1,
      organisation: '胜兴社区',
      keyId: own.id,
      publicKey: own.publicKey,
    });
    expect(await registerKeyFile(db, await publicKeyFile(db, own.id))).toEqual({ ok: false, problem: 'ownKey' });
    expect(await registerKeyFile(db, 'not json')).toEqual({ ok: false, problem: 'notJson' });

    const { key } = await generateSigningKey();
    const text = publicKeyFileText({
      organisation: '康居社区',
      keyId: key.keyId,
      publicKey: key.publicKey,
      createdAt: '2026-01-01T00:00:00.000Z',
    });
    expect(await registerKeyFile(db, text)).toMatchObject({ ok: true, key: { id: key.keyId, orgName: '康居社区' } });
    expect(await registerKeyFile(db, text)).toEqual({ ok: false, problem: 'alreadyRegistered', orgName: '康居社区' });
    expect((await listKeys(db)).registered.map((k) => k.orgName)).toEqual(['康居社区']);
    await removeRegisteredKey(db, key.keyId);
    expect((await listKeys(db)).registered).toEqual([]);
  });

  it('a key restored without its private half is retired and a new key signs', async () => {
    const db = freshDb();
    const first = await finalisedMeeting(db);
    await moveMeeting(db, first, 'signed');
    await db.signingSecrets.clear(); // as after a restore on another computer
    const amended = await amendMeeting(db, first, {
      by: '李振海',
      reason: '地点笔误',
      apply: (d) => void (d.meeting.place = '党群服务站'),
    });
    expect(amended).toEqual({ ok: true });
    const keys = await listKeys(db);
    expect(keys.own).toHaveLength(2);
    expect(keys.own[0]!.current).toBe(true);
    expect(keys.own[1]!.retiredAt).toBeDefined();
    expect(await verifyMeetingSignatures(db, first)).toMatchObject({ state: 'signedValid', keyId: keys.own[0]!.id });
  });

  it('with a backup passphrase, a restored key is recovered on another computer and keeps signing', async () => {
    const db = freshDb();
    const id = await finalisedMeeting(db);
    await moveMeeting(db, id, 'signed');
    expect(await setBackupPassphrase(db, '短口令')).toEqual({ ok: false, problem: 'tooShort' });
    const set = await setBackupPassphrase(db, '胜兴社区的备份口令');
    if (!set.ok) throw new Error(set.problem);
    // The old key could not be exported: a new, wrapped key signs from now on.
    expect(set.key.wrapped).toMatchObject({ kdf: 'PBKDF2-SHA-256' });
    expect((await listKeys(db)).own.map((k) => k.id)[0]).toBe(set.key.id);
    expect((await listKeys(db)).passphraseSet).toBe(true);

    await db.signingSecrets.clear(); // a restore on another computer: public rows only
    expect((await listKeys(db)).recoverable).toBe(1);
    expect(await recoverKeys(db, '别的口令别的口令')).toEqual({ ok: false, problem: 'wrongPassphrase' });
    expect(await db.signingSecrets.count()).toBe(0);
    expect(await recoverKeys(db, '胜兴社区的备份口令')).toEqual({ ok: true, recovered: 1 });
    expect((await listKeys(db)).recoverable).toBe(0);

    const amended = await amendMeeting(db, id, {
      by: '李振海',
      reason: '笔误',
      apply: (d) => void (d.meeting.place = '站'),
    });
    expect(amended).toEqual({ ok: true });
    expect(await verifyMeetingSignatures(db, id)).toMatchObject({ state: 'signedValid', keyId: set.key.id });
    expect((await listKeys(db)).own).toHaveLength(2); // no third key: the recovered one signed
  }, 30_000);

  it('the demo community’s signed meetings are signed by its own key and verify', async () => {
    const db = freshDb();
    await loadDemoCommunity(db, new Date('2026-12-01T02:00:00Z'));
    const signed = await db.meetings.where('status').equals('signed').primaryKeys();
    expect(signed.length).toBeGreaterThan(10);
    for (const id of signed) expect((await verifyMeetingSignatures(db, id)).state, id).toBe('signedValid');
  }, 60_000);
});
