import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sampleSignedRedBenchRecord } from '../fixtures/testRecord';
import { amendRecord } from '../meeting/amend';
import { canonicalJson, recordForSealing, sealRecord } from '../meeting/fingerprint';
import type { MeetingRecord } from '../meeting/record';
import { fromBase64, toBase64 } from './bytes';
import { signEveryState, signLatestState, type Signer } from './recordSigning';
import { generateSigningKey, type RecordSignature } from './sign';
import { signatureVerdict, type KnownKey } from './verdict';

const ORG = { orgUnitId: 'unit-shengxing', orgName: '胜兴社区' };
const LOCKED_AT = new Date('2026-07-16T02:00:00Z');

async function signer(orgName = ORG.orgName): Promise<Signer> {
  const { key } = await generateSigningKey();
  return { key, orgUnitId: ORG.orgUnitId, orgName };
}

function own(s: Signer): KnownKey {
  return { keyId: s.key.keyId, publicKey: s.key.publicKey, orgName: s.orgName, source: 'own' };
}

async function amend(record: MeetingRecord, place: string): Promise<MeetingRecord> {
  const result = await amendRecord(
    record,
    { by: '李振海', reason: '地点笔误', apply: (d) => void (d.meeting.place = place) },
    new Date('2026-07-20T02:00:00Z'),
    () => `amendment-${place}`,
  );
  if (!result.ok) throw new Error(result.problem.code);
  return result.record;
}

describe('signatureVerdict', () => {
  it('names the organisation when its own or a registered key signed the record', async () => {
    const record = await sampleSignedRedBenchRecord();
    const me = await signer();
    const signature = await signLatestState(record, me, LOCKED_AT);
    expect(await signatureVerdict(record, [signature], [own(me)])).toEqual({
      state: 'signedValid',
      orgName: '胜兴社区',
      keyId: me.key.keyId,
      source: 'own',
      amendments: 0,
    });
    // A key registered from a file names the organisation it was registered under.
    const registered: KnownKey = { ...own(me), orgName: '中共胜兴社区委员会', source: 'registered' };
    expect(await signatureVerdict(record, [signature], [registered])).toMatchObject({
      state: 'signedValid',
      orgName: '中共胜兴社区委员会',
      source: 'registered',
    });
  });

  it('says a valid signature by an unknown key is unregistered, with the name it claims', async () => {
    const record = await sampleSignedRedBenchRecord();
    const stranger = await signer('某社区');
    const signature = await signLatestState(record, stranger, LOCKED_AT);
    const me = await signer();
    expect(await signatureVerdict(record, [signature], [own(me)])).toEqual({
      state: 'signedUnregistered',
      orgName: '某社区',
      keyId: stranger.key.keyId,
      amendments: 0,
    });
    // The same key id with another public key is not the registered key.
    const impostor: KnownKey = { ...own(stranger), publicKey: me.key.publicKey };
    expect((await signatureVerdict(record, [signature], [impostor])).state).toBe('signedUnregistered');
  });

  it('is unsigned for a record sealed without signatures, and never valid', async () => {
    const record = await sampleSignedRedBenchRecord();
    expect(await signatureVerdict(record, [], [])).toEqual({ state: 'unsigned', amendments: 0 });
  });

  it('finds a record changed and re-sealed: the signature covers the old fingerprint', async () => {
    const record = await sampleSignedRedBenchRecord();
    const me = await signer();
    const signature = await signLatestState(record, me, LOCKED_AT);
    const changed = await sealRecord({ ...record, meeting: { ...record.meeting, place: '别处' } });
    expect(await signatureVerdict(changed, [signature], [own(me)])).toEqual({ state: 'mismatch', reason: 'resealed' });
    // Changed without re-sealing: the content no longer matches its own fingerprint.
    const unsealed = { ...record, meeting: { ...record.meeting, place: '别处' } };
    expect(await signatureVerdict(unsealed, [signature], [own(me)])).toEqual({ state: 'mismatch', reason: 'content' });
  });

  it('refuses a signature moved to another meeting', async () => {
    const record = await sampleSignedRedBenchRecord();
    const me = await signer();
    const other = await sealRecord({ ...record, meeting: { ...record.meeting, id: 'another-meeting' } });
    const signature = await signLatestState(other, me, LOCKED_AT);
    const moved: RecordSignature = { ...signature, id: `${record.meeting.id}#0`, meetingId: record.meeting.id };
    expect((await signatureVerdict(record, [moved], [own(me)])).state).toBe('mismatch');
  });

  it('signs amendments: each covers the fingerprint after it, and the newest must be signed', async () => {
    const record = await sampleSignedRedBenchRecord();
    const me = await signer();
    const lock = await signLatestState(record, me, LOCKED_AT);
    const amended = await amend(record, '党群服务站');
    const first = await signLatestState(amended, me, new Date('2026-07-20T02:00:00Z'));
    expect(first.slot).toBe(1);
    expect(await signatureVerdict(amended, [lock, first], [own(me)])).toMatchObject({
      state: 'signedValid',
      amendments: 1,
    });
    // An amendment appended and re-sealed by someone without the key: the lock's signature is
    // valid but the newest state is not signed.
    expect(await signatureVerdict(amended, [lock], [own(me)])).toEqual({ state: 'mismatch', reason: 'latestUnsigned' });
    // The lock's signature put in the amendment's place.
    const swapped: RecordSignature = { ...lock, id: first.id, slot: 1 };
    expect((await signatureVerdict(amended, [lock, swapped], [own(me)])).state).toBe('mismatch');
  });

  it('signs every state of a record built outside the app (the demo) at the time each came to be', async () => {
    const amended = await amend(await amend(await sampleSignedRedBenchRecord(), 'A'), 'B');
    const me = await signer();
    const signatures = await signEveryState(amended, me);
    expect(signatures.map((s) => s.slot)).toEqual([0, 1, 2]);
    expect(JSON.parse(signatures[0]!.statement)).toMatchObject({ kind: 'lock', signedAt: amended.meeting.signedAt });
    expect(await signatureVerdict(amended, signatures, [own(me)])).toMatchObject({
      state: 'signedValid',
      amendments: 2,
    });
  });

  it('keeps old signatures verifying after a key rotation', async () => {
    const record = await sampleSignedRedBenchRecord();
    const old = await signer();
    const lock = await signLatestState(record, old, LOCKED_AT);
    const rotated = await signer();
    const amended = await amend(record, '党群服务站');
    const after = await signLatestState(amended, rotated, new Date('2026-07-20T02:00:00Z'));
    const keys = [own(old), own(rotated)];
    expect(await signatureVerdict(record, [lock], keys)).toMatchObject({ state: 'signedValid', keyId: old.key.keyId });
    expect(await signatureVerdict(amended, [lock, after], keys)).toMatchObject({
      state: 'signedValid',
      keyId: rotated.key.keyId,
    });
    // Forgetting the old key leaves its signature valid but unregistered, never mismatched.
    expect((await signatureVerdict(amended, [lock, after], [own(rotated)])).state).toBe('signedUnregistered');
  });
});

describe('every single byte flip is detected', () => {
  const flipped = (text: string, at: number, mask: number) => {
    const bytes = new TextEncoder().encode(text);
    bytes[at]! ^= mask;
    return new TextDecoder().decode(bytes);
  };

  it('in the signed statement, the signature and the public key', async () => {
    const record = await sampleSignedRedBenchRecord();
    const me = await signer();
    const signature = await signLatestState(record, me, LOCKED_AT);
    const keys = [own(me)];
    const statementBytes = new TextEncoder().encode(signature.statement).length;
    for (let at = 0; at < statementBytes; at++)
      for (const mask of [0x01, 0x80]) {
        const verdict = await signatureVerdict(
          record,
          [{ ...signature, statement: flipped(signature.statement, at, mask) }],
          keys,
        );
        expect(verdict.state, `statement byte ${at} ^ ${mask}`).toBe('mismatch');
      }
    for (const field of ['signature', 'publicKey'] as const) {
      const raw = fromBase64(signature[field])!;
      for (let at = 0; at < raw.length; at++) {
        const bytes = raw.slice();
        bytes[at]! ^= 1 << (at % 8);
        const verdict = await signatureVerdict(record, [{ ...signature, [field]: toBase64(bytes) }], keys);
        expect(verdict.state, `${field} byte ${at}`).toBe('mismatch');
      }
    }
  }, 60_000);

  it('in the record, wherever the flip changes what is sealed (re-sealed or not)', async () => {
    const record = await sampleSignedRedBenchRecord();
    const me = await signer();
    const signature = await signLatestState(record, me, LOCKED_AT);
    const text = JSON.stringify(record);
    const sealed = canonicalJson(recordForSealing(record));
    const length = new TextEncoder().encode(text).length;
    let changed = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: length - 1 }),
        fc.integer({ min: 0, max: 7 }),
        fc.boolean(),
        async (at, bit, reseal) => {
          let copy: MeetingRecord;
          try {
            copy = JSON.parse(flipped(text, at, 1 << bit)) as MeetingRecord;
            if (canonicalJson(recordForSealing(copy)) === sealed) return; // outside the seal by design
          } catch {
            return; // not JSON, or not a record any more: refused before any verdict
          }
          changed++;
          const candidate = reseal ? await sealRecord(copy).catch(() => copy) : copy;
          const verdict = await signatureVerdict(candidate, [signature], [own(me)]);
          expect(verdict.state).toBe('mismatch');
        },
      ),
      { numRuns: 400 },
    );
    expect(changed).toBeGreaterThan(100);
  }, 120_000);
});
