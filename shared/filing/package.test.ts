import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deflateSync } from 'fflate';
import { buildFilingPackage, sha256Hex } from './build';
import { verifyFilingPackage, type FilingProblem } from './verify';
import { manifestBytes, MANIFEST_PATH, SIGNATURE_PATH, type FilingManifest } from './manifest';
import { packPart, readZip, unpack, writeZip, ZIP_LIMITS, type PackedInput, type ZipMethod } from './zip';
import { exampleKnownKeys, FAKE_DOCX, NOW, samplePackage, sampleFilingInput } from '../fixtures/filingPackage';
import { exampleSigningKey } from '../fixtures/exampleKey';
import { generateSigningKey, type SigningKey } from '../signing/sign';
import { fingerprintRecord } from '../meeting/fingerprint';
import { toBase64 } from '../signing/bytes';
import { canonicalJson } from '../meeting/fingerprint';

type Parts = Map<string, { bytes: Uint8Array; method: ZipMethod }>;

function partsOf(bytes: Uint8Array): Parts {
  const zip = readZip(bytes);
  if (!zip.ok) throw new Error(JSON.stringify(zip.problem));
  const out: Parts = new Map();
  for (const entry of zip.entries) {
    const unpacked = unpack(entry);
    if (!unpacked.ok) throw new Error(JSON.stringify(unpacked.problem));
    out.set(entry.path, { bytes: unpacked.bytes, method: entry.method });
  }
  return out;
}

function zipOf(parts: Parts): Uint8Array {
  return writeZip([...parts].map(([path, p]) => packPart({ path, ...p })));
}

function manifestOf(parts: Parts): FilingManifest {
  return JSON.parse(new TextDecoder().decode(parts.get(MANIFEST_PATH)!.bytes)) as FilingManifest;
}

async function signatureFile(manifest: FilingManifest, key: SigningKey): Promise<Uint8Array> {
  const signature = await crypto.subtle.sign(
    { name: 'Ed25519' },
    key.privateKey,
    manifestBytes(manifest) as Uint8Array<ArrayBuffer>,
  );
  return new TextEncoder().encode(
    canonicalJson({ format: 'yishi-filing-signature', keyId: key.keyId, signature: toBase64(signature) }),
  );
}

/**
 * The package with its parts edited, the manifest's part list brought up to date and signed
 * again by `key`: what someone holding a key could make. `editManifest` runs after the part list.
 */
async function resigned(
  bytes: Uint8Array,
  key: SigningKey,
  edit: (parts: Parts) => void = () => {},
  editManifest: (m: FilingManifest) => void = () => {},
): Promise<Uint8Array> {
  const parts = partsOf(bytes);
  edit(parts);
  const manifest = manifestOf(parts);
  const packed: PackedInput[] = [...parts]
    .filter(([path]) => path !== MANIFEST_PATH && path !== SIGNATURE_PATH)
    .map(([path, p]) => packPart({ path, ...p }));
  manifest.parts = await Promise.all(
    packed.map(async (p) => ({
      path: p.path,
      size: p.bytes.length,
      sha256: await sha256Hex(p.bytes),
      method: p.method,
      packedSize: p.packed.length,
      packedSha256: await sha256Hex(p.packed),
    })),
  );
  manifest.signer = { keyId: key.keyId, publicKey: key.publicKey };
  editManifest(manifest);
  parts.set(MANIFEST_PATH, { bytes: manifestBytes(manifest), method: 'store' });
  parts.set(SIGNATURE_PATH, { bytes: await signatureFile(manifest, key), method: 'store' });
  return zipOf(parts);
}

async function problemOf(bytes: Uint8Array): Promise<FilingProblem | null> {
  const reading = await verifyFilingPackage(bytes, await exampleKnownKeys());
  return reading.ok ? null : reading.problem;
}

const text = (s: string) => new TextEncoder().encode(s);

describe('filing package: build and verify', () => {
  it('a package of a signed meeting verifies: 签名有效 under the registered name, every part read back', async () => {
    const bytes = await samplePackage();
    const reading = await verifyFilingPackage(bytes, await exampleKnownKeys());
    if (!reading.ok) throw new Error(JSON.stringify(reading.problem));
    expect(reading.signer).toMatchObject({ state: 'signedValid', orgName: '胜兴社区（已登记）' });
    expect(reading.manifest.period).toEqual({ kind: 'month', month: '2026-07' });
    expect(reading.meetings).toHaveLength(1);
    const [meeting] = reading.meetings;
    expect(meeting!.verdict).toMatchObject({ state: 'signedValid' });
    expect(meeting!.minutesDocx).toEqual(FAKE_DOCX);
    expect(meeting!.followup.progress).toHaveLength(1);
    // The sample's attendees signed on screen: their images are parts of their own.
    expect(meeting!.listed.images.length).toBeGreaterThan(0);
    const paths = reading.manifest.parts.map((p) => p.path);
    expect(paths).toContain('meetings/01/meeting.json');
    expect(paths.filter((p) => p.startsWith('meetings/01/signatures/')).length).toBe(meeting!.listed.images.length);
  });

  it('carries the 纪要 as PDF where the desktop made one; a PDF changed, dropped or unlisted is refused', async () => {
    const pdf = text('%PDF-1.7 the minutes as the office laid them out');
    const input = await sampleFilingInput();
    const bytes = (
      await buildFilingPackage({ ...input, meetings: input.meetings.map((m) => ({ ...m, minutesPdf: pdf })) })
    ).bytes;
    const reading = await verifyFilingPackage(bytes, await exampleKnownKeys());
    if (!reading.ok) throw new Error(JSON.stringify(reading.problem));
    expect(reading.manifest.version).toBe(2);
    expect(reading.meetings[0]!.listed.minutesPdf).toBe('meetings/01/minutes.pdf');
    expect(reading.meetings[0]!.minutesPdf).toEqual(pdf);
    // Without one, the meeting names none.
    const plain = await verifyFilingPackage(await samplePackage(), await exampleKnownKeys());
    expect(plain.ok && plain.meetings[0]!.minutesPdf).toBeUndefined();
    expect(plain.ok && 'minutesPdf' in plain.meetings[0]!.listed).toBe(false);

    const parts = partsOf(bytes);
    const changed = new Map(parts);
    changed.set('meetings/01/minutes.pdf', { bytes: text('%PDF-1.7 other'), method: 'deflate' });
    expect(await problemOf(zipOf(changed))).toEqual({ code: 'partChanged', path: 'meetings/01/minutes.pdf' });
    const missing = new Map(parts);
    missing.delete('meetings/01/minutes.pdf');
    expect(await problemOf(zipOf(missing))).toEqual({ code: 'partMissing', path: 'meetings/01/minutes.pdf' });
    // Listed as a part but named by no meeting, or named twice: the manifest does not add up.
    const key = await exampleSigningKey();
    const unnamed = await resigned(
      bytes,
      key,
      () => {},
      (m) => void delete m.meetings[0]!.minutesPdf,
    );
    expect(await problemOf(unnamed)).toEqual({ code: 'badManifest' });
    const twice = await resigned(
      bytes,
      key,
      () => {},
      (m) => void (m.meetings[0]!.minutesPdf = m.meetings[0]!.minutes),
    );
    expect(await problemOf(twice)).toEqual({ code: 'badManifest' });
  });

  it('a package of version 1 (before PDFs) still verifies; a newer version is named as such', async () => {
    const key = await exampleSigningKey();
    const v1 = await resigned(
      await samplePackage(),
      key,
      () => {},
      (m) => void (m.version = 1 as never),
    );
    const reading = await verifyFilingPackage(v1, await exampleKnownKeys());
    expect(reading.ok && reading.manifest.version).toBe(1);
    const v3 = await resigned(
      await samplePackage(),
      key,
      () => {},
      (m) => void (m.version = 3 as never),
    );
    expect(await problemOf(v3)).toEqual({ code: 'newerVersion', version: 3 });
  });

  it('an unknown signer is 未登记, named as the manifest names it', async () => {
    const reading = await verifyFilingPackage(await samplePackage(), []);
    expect(reading.ok && reading.signer).toMatchObject({ state: 'signedUnregistered', orgName: '胜兴社区' });
    expect(reading.ok && reading.meetings[0]!.verdict.state).toBe('signedUnregistered');
  });

  it('the same filing exported twice has one content id; another period has another', async () => {
    const a = await verifyFilingPackage(await samplePackage(), []);
    const b = await verifyFilingPackage(await samplePackage({ now: new Date('2026-09-01T00:00:00Z') }), []);
    const c = await verifyFilingPackage(await samplePackage({ period: { kind: 'meeting' } }), []);
    if (!a.ok || !b.ok || !c.ok) throw new Error('not ok');
    expect(a.contentId).toBe(b.contentId);
    expect(c.contentId).not.toBe(a.contentId);
  });

  it('a truncated package is refused wherever it is cut', async () => {
    const bytes = await samplePackage();
    for (const cut of [1, 10, 22, 100, Math.floor(bytes.length / 2), bytes.length - 1])
      expect(await problemOf(bytes.subarray(0, bytes.length - cut))).not.toBeNull();
    expect(await problemOf(bytes.subarray(0, bytes.length - 1))).toEqual({ code: 'truncated' });
    expect(await problemOf(new Uint8Array(0))).toEqual({ code: 'notZip' });
    expect(await problemOf(text('{"format":"yishi-meeting"}'))).toEqual({ code: 'notZip' });
  });

  it('a part changed, added or missing is refused by name', async () => {
    const parts = partsOf(await samplePackage());
    const changed = new Map(parts);
    changed.set('meetings/01/minutes.docx', { bytes: text('PK other minutes'), method: 'store' });
    expect(await problemOf(zipOf(changed))).toEqual({ code: 'partChanged', path: 'meetings/01/minutes.docx' });
    const added = new Map(parts);
    added.set('meetings/01/extra.txt', { bytes: text('x'), method: 'store' });
    expect(await problemOf(zipOf(added))).toEqual({ code: 'partAdded', path: 'meetings/01/extra.txt' });
    const missing = new Map(parts);
    missing.delete('meetings/01/minutes.docx');
    expect(await problemOf(zipOf(missing))).toEqual({ code: 'partMissing', path: 'meetings/01/minutes.docx' });
  });

  it('an unsigned manifest, one signed by another key than it names, or a changed manifest is refused', async () => {
    const parts = partsOf(await samplePackage());
    const unsigned = new Map(parts);
    unsigned.delete(SIGNATURE_PATH);
    expect(await problemOf(zipOf(unsigned))).toEqual({ code: 'notSigned' });

    const other = (await generateSigningKey()).key;
    const manifest = manifestOf(parts);
    const byOther = new Map(parts);
    byOther.set(SIGNATURE_PATH, { bytes: await signatureFile(manifest, other), method: 'store' });
    expect(await problemOf(zipOf(byOther))).toEqual({ code: 'wrongSigner' });
    // The other key's signature under the named key's id: it does not verify.
    const sig = JSON.parse(new TextDecoder().decode(byOther.get(SIGNATURE_PATH)!.bytes));
    sig.keyId = manifest.signer.keyId;
    byOther.set(SIGNATURE_PATH, { bytes: text(canonicalJson(sig)), method: 'store' });
    expect(await problemOf(zipOf(byOther))).toEqual({ code: 'badSignature' });

    const edited = new Map(parts);
    edited.set(MANIFEST_PATH, {
      bytes: manifestBytes({ ...manifest, organisation: { ...manifest.organisation, orgName: '别的社区' } }),
      method: 'store',
    });
    expect(await problemOf(zipOf(edited))).toEqual({ code: 'badSignature' });
  });

  it('a manifest re-signed by whoever changed it verifies only as 未登记, never under the registered name', async () => {
    const other = (await generateSigningKey()).key;
    const bytes = await resigned(
      await samplePackage(),
      other,
      () => {},
      (m) => {
        m.organisation.orgName = '胜兴社区';
      },
    );
    const reading = await verifyFilingPackage(bytes, await exampleKnownKeys());
    expect(reading.ok && reading.signer.state).toBe('signedUnregistered');
  });

  it('a zip bomb is refused before it is inflated: by its ratio, and by a size it lies about', async () => {
    const key = await exampleSigningKey();
    const zeros = new Uint8Array(10 * 1024 * 1024);
    const bomb = await resigned(await samplePackage(), key, (parts) => {
      parts.set('meetings/01/bomb.bin', { bytes: zeros, method: 'deflate' });
    });
    expect(await problemOf(bomb)).toEqual({ code: 'zipBomb', path: 'meetings/01/bomb.bin' });

    // Declares 64 KB (a plausible ratio), inflates to 10 MB: stopped at 64 KB.
    const packed = deflateSync(zeros);
    const liar: PackedInput = {
      path: 'meetings/01/minutes.docx',
      bytes: new Uint8Array(64 * 1024),
      method: 'deflate',
      packed,
    };
    const parts = partsOf(await samplePackage());
    const manifest = manifestOf(parts);
    manifest.parts = manifest.parts.map((p) =>
      p.path === liar.path
        ? { ...p, method: 'deflate', size: liar.bytes.length, packedSize: packed.length, packedSha256: '' }
        : p,
    );
    const docxPart = manifest.parts.find((p) => p.path === liar.path)!;
    docxPart.packedSha256 = await sha256Hex(packed);
    parts.set(MANIFEST_PATH, { bytes: manifestBytes(manifest), method: 'store' });
    parts.set(SIGNATURE_PATH, { bytes: await signatureFile(manifest, key), method: 'store' });
    const inputs = [...parts].map(([path, p]) => (path === liar.path ? liar : packPart({ path, ...p })));
    expect(await problemOf(writeZip(inputs))).toEqual({ code: 'zipBomb', path: liar.path });
  });

  it('too many parts are refused from the directory alone', async () => {
    const many = Array.from({ length: ZIP_LIMITS.maxEntries + 1 }, (_, i) =>
      packPart({ path: `p/${i}`, bytes: new Uint8Array(0), method: 'store' }),
    );
    expect(await problemOf(writeZip(many))).toMatchObject({ code: 'tooManyParts' });
  });

  it('paths with .., absolute paths, backslashes and duplicate names are refused', async () => {
    const parts = partsOf(await samplePackage());
    parts.set('zz/abc', { bytes: text('x'), method: 'store' });
    const bytes = zipOf(parts);
    for (const bad of ['../abc', '/z/abc', 'zz\\abc', 'zz/../', 'zz//bc']) {
      const crafted = replaceAll(bytes, text('zz/abc'), text(bad));
      expect(await problemOf(crafted)).toEqual({ code: 'badPath', path: bad });
    }
    const twice = writeZip([
      ...[...parts].map(([path, p]) => packPart({ path, ...p })),
      packPart({ path: 'zz/abc', bytes: text('y'), method: 'store' }),
    ]);
    expect(await problemOf(twice)).toEqual({ code: 'duplicatePath', path: 'zz/abc' });
  });

  it('a meeting file inside that fails 核验 is refused: changed and re-sealed, changed, or unsigned', async () => {
    const input = await sampleFilingInput();
    const [first] = input.meetings;
    const record = structuredClone(first!.record);
    record.decisions[0]!.standard = `${record.decisions[0]!.standard}，另加两个`;
    record.meeting.fingerprint = await fingerprintRecord(record);
    const resealed = await buildFilingPackage({ ...input, meetings: [{ ...first!, record }] });
    expect(await problemOf(resealed.bytes)).toMatchObject({ code: 'meetingMismatch', reason: 'resealed' });

    const changed = structuredClone(first!.record);
    changed.decisions[0]!.standard = '随便';
    const tampered = await buildFilingPackage({ ...input, meetings: [{ ...first!, record: changed }] });
    expect(await problemOf(tampered.bytes)).toMatchObject({ code: 'meetingFileRefused', problem: 'tampered' });

    const unsigned = await buildFilingPackage({
      ...input,
      meetings: [{ ...first!, extras: { ...first!.extras, signatures: [] } }],
    });
    expect(await problemOf(unsigned.bytes)).toMatchObject({ code: 'meetingUnsigned' });
  });

  it('a meeting whose part holds another meeting, or lies outside the month, is refused', async () => {
    const key = await exampleSigningKey();
    const base = await samplePackage();
    const otherId = await resigned(
      base,
      key,
      () => {},
      (m) => {
        m.meetings[0]!.meetingId = 'another-meeting';
      },
    );
    expect(await problemOf(otherId)).toMatchObject({ code: 'meetingNotAsListed' });
    const otherMonth = await resigned(
      base,
      key,
      () => {},
      (m) => {
        m.period = { kind: 'month', month: '2026-06' };
      },
    );
    expect(await problemOf(otherMonth)).toMatchObject({ code: 'meetingNotAsListed' });
  });

  it("a signature image that is not the record's is refused", async () => {
    const key = await exampleSigningKey();
    const bytes = await resigned(await samplePackage(), key, (parts) => {
      const path = [...parts.keys()].find((p) => p.includes('/signatures/'))!;
      parts.set(path, { bytes: text('not the signature'), method: 'store' });
    });
    expect(await problemOf(bytes)).toMatchObject({ code: 'imageMismatch' });
  });

  it('every single-byte change of a small package is detected', async () => {
    const bytes = await samplePackage();
    const keys = await exampleKnownKeys();
    const undetected: number[] = [];
    for (let i = 0; i < bytes.length; i++) {
      const copy = bytes.slice();
      copy[i] = copy[i]! ^ ((i % 255) + 1);
      if ((await verifyFilingPackage(copy, keys)).ok) undetected.push(i);
    }
    expect(undetected).toEqual([]);
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: bytes.length - 1 }), fc.integer({ min: 1, max: 255 }), async (at, xor) => {
        const copy = bytes.slice();
        copy[at] = copy[at]! ^ xor;
        expect((await verifyFilingPackage(copy, keys)).ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  }, 120_000);

  it('the package is written the same way for the same input', async () => {
    expect(await samplePackage()).toEqual(await samplePackage());
    expect(NOW.toISOString()).toBe('2026-08-01T02:00:00.000Z');
  });
});

function replaceAll(bytes: Uint8Array, from: Uint8Array, to: Uint8Array): Uint8Array {
  const out = bytes.slice();
  for (let i = 0; i + from.length <= out.length; i++)
    if (from.every((b, k) => out[i + k] === b)) out.set(to.subarray(0, from.length), i);
  return out;
}
