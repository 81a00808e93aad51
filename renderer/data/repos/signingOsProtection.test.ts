/**
 * Signing keys kept by the operating system (Electron's safeStorage through the bridge): a new key
 * is stored only as what the OS encrypted, opened into a non-extractable key in memory when it
 * signs; an OS that cannot open it refuses the lock with a reason, writing nothing; an OS that
 * offers no protection, or fails, leaves the browser's non-extractable key.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createDb, type YishiDb } from '../db';
import { sampleRedBenchRecord } from '../../../shared/fixtures/testRecord';
import { fromBase64 } from '../../../shared/signing/bytes';
import { Refusal } from '../../../shared/refusal';
import { bridgeKeyProtection, setOsKeyProtection, type OsKeyProtection } from '../osKeyProtection';
import { addOrgUnit } from './orgRepo';
import { amendMeeting, moveMeeting } from './lifecycleRepo';
import { importMeetingRecord } from './meetingFileRepo';
import { renamedRecord } from '../../../tests/unit/hostile/records';
import { listKeys, recoverKeys, setBackupPassphrase, verifyMeetingSignatures } from './signingRepo';

/** A stand-in OS store: reversible, never the clear bytes; `locked` plays another OS account. */
function standInOs() {
  const calls = { protect: 0, unprotect: 0 };
  let locked = false;
  const flip = (bytes: Uint8Array) => bytes.map((b) => b ^ 0x5a).reverse();
  const protection: OsKeyProtection = {
    async protect(pkcs8) {
      calls.protect++;
      return flip(pkcs8);
    },
    async unprotect(blob) {
      calls.unprotect++;
      return locked ? null : flip(blob);
    },
  };
  return { protection, calls, lock: () => (locked = true), unlock: () => (locked = false) };
}

async function databaseWithMeetings(): Promise<{ db: YishiDb; first: string; second: string }> {
  const db = createDb(`os-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  const district = await addOrgUnit(db, null, '垦利区');
  const sub = await addOrgUnit(db, district, '垦利街道');
  await addOrgUnit(db, sub, '胜兴社区');
  const first = sampleRedBenchRecord();
  const second = renamedRecord(sampleRedBenchRecord(), 'second');
  for (const record of [first, second])
    expect(await importMeetingRecord(db, record, { replace: false })).toMatchObject({ ok: true });
  return { db, first: first.meeting.id, second: second.meeting.id };
}

afterEach(() => setOsKeyProtection(null));

describe('signing keys protected by the operating system', () => {
  it('keeps only what the OS encrypted, and signs with it after opening it once', async () => {
    const os = standInOs();
    setOsKeyProtection(os.protection);
    const { db, first, second } = await databaseWithMeetings();
    expect(await moveMeeting(db, first, 'signed')).toEqual({ ok: true });
    const [key] = await db.signingKeys.toArray();
    const secret = (await db.signingSecrets.get(key!.id)) as Record<string, unknown>;
    expect(Object.keys(secret).sort()).toEqual(['keyId', 'osProtected']);
    expect(fromBase64(secret.osProtected as string)!.byteLength).toBeGreaterThan(40);
    expect((await listKeys(db)).own.map((k) => [k.current, k.osProtected])).toEqual([[true, true]]);
    expect(await verifyMeetingSignatures(db, first)).toMatchObject({ state: 'signedValid', keyId: key!.id });

    // Later signings open the stored key through the OS: once for the session.
    expect(await moveMeeting(db, second, 'signed')).toEqual({ ok: true });
    expect(
      await amendMeeting(db, first, {
        by: '李振海',
        reason: '地点笔误',
        apply: (d) => void (d.meeting.place = '服务站'),
      }),
    ).toEqual({ ok: true });
    expect(os.calls).toEqual({ protect: 1, unprotect: 1 });
    for (const id of [first, second])
      expect(await verifyMeetingSignatures(db, id)).toMatchObject({ state: 'signedValid', keyId: key!.id });
    db.close();
  });

  it('refuses to lock, writing nothing, when the OS cannot open the key — and signs once it can', async () => {
    const os = standInOs();
    setOsKeyProtection(os.protection);
    const { db, first, second } = await databaseWithMeetings();
    expect(await moveMeeting(db, first, 'signed')).toEqual({ ok: true });
    os.lock();
    const before = await db.meetings.get(second);
    const refused = await moveMeeting(db, second, 'signed').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(Refusal);
    expect((refused as Refusal).code).toBe('signingKeyLocked');
    expect((refused as Refusal).message).toContain('安全存储解不开本机的签名密钥');
    expect(await db.meetings.get(second)).toEqual(before);
    expect(await db.recordSignatures.where('meetingId').equals(second).count()).toBe(0);
    os.unlock();
    expect(await moveMeeting(db, second, 'signed')).toEqual({ ok: true });
    db.close();
  });

  it('keeps the non-extractable key where the OS offers no protection or fails to protect', async () => {
    const noProtection = bridgeKeyProtection({
      keyProtection: async () => ({ available: false, reason: 'weak' }),
      protectKey: async () => {
        throw new Error('must not be asked');
      },
      unprotectKey: async () => null,
    });
    const failing: OsKeyProtection = {
      protect: async () => {
        throw new Error('keyring went away');
      },
      unprotect: async () => null,
    };
    for (const protection of [noProtection, failing]) {
      setOsKeyProtection(protection);
      const { db, first } = await databaseWithMeetings();
      expect(await moveMeeting(db, first, 'signed')).toEqual({ ok: true });
      const [key] = await db.signingKeys.toArray();
      const secret = await db.signingSecrets.get(key!.id);
      expect(secret && 'privateKey' in secret && secret.privateKey.extractable).toBe(false);
      expect((await listKeys(db)).own[0]!.osProtected).toBe(false);
      db.close();
    }
  });

  it("a key recovered with the backup passphrase on another computer is kept by that computer's OS", async () => {
    const os = standInOs();
    setOsKeyProtection(os.protection);
    const { db, first, second } = await databaseWithMeetings();
    const set = await setBackupPassphrase(db, '胜兴社区的备份口令');
    if (!set.ok) throw new Error(set.problem);
    expect(os.calls.protect).toBe(1);
    // Another computer: the restored rows hold the public key and its encrypted copy, no secret.
    await db.signingSecrets.where('keyId').equals(set.key.id).delete();
    const other = standInOs();
    setOsKeyProtection(other.protection);
    expect(await recoverKeys(db, '胜兴社区的备份口令')).toEqual({ ok: true, recovered: 1 });
    const secret = (await db.signingSecrets.get(set.key.id)) as Record<string, unknown>;
    expect(Object.keys(secret).sort()).toEqual(['keyId', 'osProtected']);
    expect(other.calls.protect).toBe(1);
    expect((await listKeys(db)).own.find((k) => k.id === set.key.id)?.osProtected).toBe(true);
    // It signs again through that OS (opened once for the session), and what it signed verifies.
    for (const id of [first, second]) expect(await moveMeeting(db, id, 'signed')).toEqual({ ok: true });
    expect(other.calls.unprotect).toBe(1);
    for (const id of [first, second])
      expect(await verifyMeetingSignatures(db, id)).toMatchObject({ state: 'signedValid', keyId: set.key.id });
    db.close();
  }, 30_000);
});
