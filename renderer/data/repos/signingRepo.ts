import { ownKeySchema, registeredKeySchema, type OwnKey, type RegisteredKey } from '../../../shared/signing/keys';
import { publicKeyFileText, readPublicKeyFile, type KeyFileProblem } from '../../../shared/signing/keyFile';
import type { Signer } from '../../../shared/signing/recordSigning';
import { generateSigningKey, type RecordSignature } from '../../../shared/signing/sign';
import { parseStatement } from '../../../shared/signing/statement';
import { signatureVerdict, type KnownKey, type SignatureVerdict } from '../../../shared/signing/verdict';
import { refusal } from '../../../shared/refusal';
import type { OrgUnit } from '../../../shared/domain/org';
import type { YishiDb } from '../db';
import { loadSettings } from '../settingsStore';
import { loadMeetingRecord } from './meetingRepo';

/**
 * The installation's signing keys, the keys registered from other organisations' key files, and
 * 核验 with signatures. Key generation and signing are WebCrypto calls, which cannot run inside an
 * IndexedDB transaction: they run first, and the writes check again inside one.
 */

export interface SigningOrganisation {
  orgUnitId: string;
  orgName: string;
}

/** The organisation an installation signs for: its community (else its top unit), by name. */
export function organisationOf(units: readonly OrgUnit[], documentOrgName: string): SigningOrganisation {
  const byOrder = [...units].sort((a, b) => a.order - b.order);
  const unit = byOrder.find((u) => u.level === 'community') ?? byOrder.find((u) => u.parentId === null);
  return { orgUnitId: unit?.id ?? 'installation', orgName: unit?.name ?? (documentOrgName.trim() || '本机') };
}

export async function signingOrganisation(db: YishiDb): Promise<SigningOrganisation> {
  const [units, settings] = await Promise.all([db.orgUnits.toArray(), loadSettings(db)]);
  return organisationOf(units, settings.documentOrgName);
}

/**
 * Stores a new key as the one that signs, inside the caller's transaction (over signingKeys and
 * signingSecrets): every other own key is retired and keeps verifying. A key restored from
 * another machine's backup has no private half here, so it is retired too.
 */
export async function installKey(db: YishiDb, signer: Signer, at: string): Promise<void> {
  const row = ownKeySchema.parse({
    id: signer.key.keyId,
    orgUnitId: signer.orgUnitId,
    orgName: signer.orgName,
    publicKey: signer.key.publicKey,
    createdAt: at,
  });
  const current = await db.signingKeys.filter((k) => !k.retiredAt).toArray();
  for (const old of current) await db.signingKeys.put({ ...old, retiredAt: at });
  await db.signingKeys.add(row);
  await db.signingSecrets.add({ keyId: signer.key.keyId, privateKey: signer.key.privateKey });
}

/** The key that signs now: the newest own key not retired whose private half is on this machine. */
async function usableKey(db: YishiDb): Promise<Signer | null> {
  const keys = (await db.signingKeys.orderBy('createdAt').reverse().toArray()).filter((k) => !k.retiredAt);
  for (const key of keys) {
    const secret = await db.signingSecrets.get(key.id);
    if (secret)
      return {
        key: { keyId: key.id, publicKey: key.publicKey, privateKey: secret.privateKey },
        orgUnitId: key.orgUnitId,
        orgName: key.orgName,
      };
  }
  return null;
}

/** A new key that signs from now on; unless `replaceUsable`, one made meanwhile by another window wins. */
async function addKey(db: YishiDb, now: Date, replaceUsable: boolean): Promise<Signer> {
  const signer: Signer = { key: (await generateSigningKey()).key, ...(await signingOrganisation(db)) };
  return db.transaction('rw', db.signingKeys, db.signingSecrets, async () => {
    const existing = replaceUsable ? null : await usableKey(db);
    if (existing) return existing;
    await installKey(db, signer, now.toISOString());
    return signer;
  });
}

/** The installation's signing key, created on first use. */
export async function currentSigner(db: YishiDb, now = new Date()): Promise<Signer> {
  return (await usableKey(db)) ?? addKey(db, now, false);
}

/** 更换密钥: a new key signs from now on; the old ones stay, for verifying what they signed. */
export async function rotateSigningKey(db: YishiDb, now = new Date()): Promise<OwnKey> {
  const signer = await addKey(db, now, true);
  return (await db.signingKeys.get(signer.key.keyId))!;
}

export interface KeyList {
  /** Newest first; `current` marks the one that signs. */
  own: Array<OwnKey & { current: boolean }>;
  registered: RegisteredKey[];
}

export async function listKeys(db: YishiDb): Promise<KeyList> {
  const signer = await usableKey(db);
  const own = await db.signingKeys.orderBy('createdAt').reverse().toArray();
  const registered = await db.registeredKeys.toArray();
  registered.sort((a, b) => a.orgName.localeCompare(b.orgName, 'zh-CN'));
  return { own: own.map((k) => ({ ...k, current: k.id === signer?.key.keyId })), registered };
}

/** Every public key 核验 may name an organisation by. */
export async function knownKeys(db: YishiDb): Promise<KnownKey[]> {
  const [own, registered] = await Promise.all([db.signingKeys.toArray(), db.registeredKeys.toArray()]);
  return [
    ...own.map((k) => ({ keyId: k.id, publicKey: k.publicKey, orgName: k.orgName, source: 'own' as const })),
    ...registered.map((k) => ({
      keyId: k.id,
      publicKey: k.publicKey,
      orgName: k.orgName,
      source: 'registered' as const,
    })),
  ];
}

/** The text of a key's public key file (公钥文件). */
export async function publicKeyFile(db: YishiDb, keyId: string): Promise<string> {
  const key = await db.signingKeys.get(keyId);
  if (!key) throw refusal('signingKeyMissing');
  return publicKeyFileText({
    organisation: key.orgName,
    keyId: key.id,
    publicKey: key.publicKey,
    createdAt: key.createdAt,
  });
}

export type RegisterOutcome =
  | { ok: true; key: RegisteredKey }
  | { ok: false; problem: KeyFileProblem | 'ownKey' }
  | { ok: false; problem: 'alreadyRegistered'; orgName: string };

/** Registers another organisation's key from its key file; nothing is written when it is refused. */
export async function registerKeyFile(db: YishiDb, text: string, now = new Date()): Promise<RegisterOutcome> {
  const reading = await readPublicKeyFile(text);
  if (!reading.ok) return reading;
  const { file } = reading;
  const key = registeredKeySchema.parse({
    id: file.keyId,
    orgName: file.organisation,
    publicKey: file.publicKey,
    createdAt: file.createdAt,
    registeredAt: now.toISOString(),
  });
  return db.transaction('rw', db.signingKeys, db.registeredKeys, async (): Promise<RegisterOutcome> => {
    if (await db.signingKeys.get(key.id)) return { ok: false, problem: 'ownKey' };
    const existing = await db.registeredKeys.get(key.id);
    if (existing) return { ok: false, problem: 'alreadyRegistered', orgName: existing.orgName };
    await db.registeredKeys.add(key);
    return { ok: true, key };
  });
}

export async function removeRegisteredKey(db: YishiDb, keyId: string): Promise<void> {
  await db.registeredKeys.delete(keyId);
}

export function loadSignatures(db: YishiDb, meetingId: string): Promise<RecordSignature[]> {
  return db.recordSignatures.where('meetingId').equals(meetingId).toArray();
}

/** 核验 of one meeting: its record, the signatures beside it, and the keys this installation knows. */
export async function verifyMeetingSignatures(db: YishiDb, meetingId: string): Promise<SignatureVerdict> {
  const record = await loadMeetingRecord(db, meetingId);
  if (!record) throw refusal('meetingMissing');
  const [signatures, keys] = await Promise.all([loadSignatures(db, meetingId), knownKeys(db)]);
  return signatureVerdict(record, signatures, keys);
}

/**
 * The key that signed the record as it now stands (its newest state), for printing beside the
 * fingerprint; undefined when that state carries no signature. Not a verification: 核验 is.
 */
export async function signingKeyIdOf(db: YishiDb, meetingId: string): Promise<string | undefined> {
  const [meeting, signatures] = await Promise.all([db.meetings.get(meetingId), loadSignatures(db, meetingId)]);
  for (const row of signatures) {
    const statement = parseStatement(row.statement);
    if (statement && meeting?.fingerprint && statement.fingerprint === meeting.fingerprint) return statement.keyId;
  }
  return undefined;
}
