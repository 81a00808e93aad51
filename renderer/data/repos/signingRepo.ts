import {
  ownKeySchema,
  PASSPHRASE_SECRET_ID,
  registeredKeySchema,
  type OwnKey,
  type PassphraseSecret,
  type RegisteredKey,
  type SigningSecret,
} from '../../../shared/signing/keys';
import {
  deriveWrappingKey,
  MIN_PASSPHRASE_CHARS,
  newSalt,
  unwrapPkcs8,
  wrapPrivateKey,
  type WrappedKey,
  type WrappingKey,
} from '../../../shared/signing/backupKey';
import { publicKeyFileText, readPublicKeyFile, type KeyFileProblem } from '../../../shared/signing/keyFile';
import type { Signer } from '../../../shared/signing/recordSigning';
import { generateSigningKey, importSigningKey, type RecordSignature } from '../../../shared/signing/sign';
import { fromBase64, toBase64 } from '../../../shared/signing/bytes';
import type { WebCryptoKey } from '../../../shared/signing/webcrypto';
import { osKeyProtection } from '../osKeyProtection';
import { keyIdLabel, parseStatement } from '../../../shared/signing/statement';
import { appendAudit, AUDIT_TABLES } from './auditRepo';
import { signatureVerdict, type KnownKey, type SignatureVerdict } from '../../../shared/signing/verdict';
import { refusal } from '../../../shared/refusal';
import { organisationOf, type SigningOrganisation } from '../../../shared/signing/organisation';
import type { YishiDb } from '../db';
import { loadSettings } from '../settingsStore';
import { loadMeetingRecord } from './meetingRepo';

/**
 * The installation's signing keys, the keys registered from other organisations' key files, and
 * 核验 with signatures. Key generation and signing are WebCrypto calls, which cannot run inside an
 * IndexedDB transaction: they run first, and the writes check again inside one.
 */

export { organisationOf, type SigningOrganisation };

export async function signingOrganisation(db: YishiDb): Promise<SigningOrganisation> {
  const [units, settings] = await Promise.all([db.orgUnits.toArray(), loadSettings(db)]);
  return organisationOf(units, settings.documentOrgName);
}

/**
 * Stores a new key as the one that signs, inside the caller's transaction (over signingKeys and
 * signingSecrets): every other own key is retired and keeps verifying. A key restored from
 * another machine's backup has no private half here, so it is retired too.
 */
export async function installKey(
  db: YishiDb,
  signer: Signer,
  at: string,
  wrapped?: WrappedKey,
  /** The private key as the OS encrypted it (base64), kept instead of the CryptoKey. */
  osProtected?: string,
): Promise<void> {
  const row = ownKeySchema.parse({
    id: signer.key.keyId,
    orgUnitId: signer.orgUnitId,
    orgName: signer.orgName,
    publicKey: signer.key.publicKey,
    createdAt: at,
    wrapped,
  });
  const current = await db.signingKeys.filter((k) => !k.retiredAt).toArray();
  for (const old of current) await db.signingKeys.put({ ...old, retiredAt: at });
  await db.signingKeys.add(row);
  const keyId = signer.key.keyId;
  await db.signingSecrets.add(osProtected ? { keyId, osProtected } : { keyId, privateKey: signer.key.privateKey });
}

/** An own key that can sign, with its private half as stored (opened by signerOf, outside any transaction). */
interface UsableKey {
  key: OwnKey;
  secret: SigningSecret;
}

/** The key that signs now: the newest own key not retired whose private half is on this machine. */
async function usableKey(db: YishiDb): Promise<UsableKey | null> {
  const keys = (await db.signingKeys.orderBy('createdAt').reverse().toArray()).filter((k) => !k.retiredAt);
  for (const key of keys) {
    const secret = (await db.signingSecrets.get(key.id)) as SigningSecret | undefined;
    if (secret) return { key, secret };
  }
  return null;
}

/** Keys the OS opened in this session, by id: one trip through the OS per key, not per signature. */
const openedKeys = new Map<string, Promise<WebCryptoKey | null>>();

async function openedPrivateKey(secret: SigningSecret): Promise<WebCryptoKey | null> {
  if ('privateKey' in secret) return secret.privateKey;
  let opening = openedKeys.get(secret.keyId);
  if (!opening) {
    const blob = fromBase64(secret.osProtected);
    const protection = osKeyProtection();
    opening = (async () => {
      const pkcs8 = blob && protection ? await protection.unprotect(blob) : null;
      return pkcs8 ? importSigningKey(pkcs8).catch(() => null) : null;
    })();
    openedKeys.set(secret.keyId, opening);
    // A key the OS could not open is asked again next time (the keyring may be unlocked by then).
    void opening.then((key) => key ?? openedKeys.delete(secret.keyId));
  }
  return opening;
}

async function signerOf({ key, secret }: UsableKey): Promise<Signer> {
  const privateKey = await openedPrivateKey(secret);
  if (!privateKey) throw refusal('signingKeyLocked');
  return {
    key: { keyId: key.id, publicKey: key.publicKey, privateKey },
    orgUnitId: key.orgUnitId,
    orgName: key.orgName,
  };
}

/** The new key's PKCS#8 encrypted by the OS, base64; null where the OS offers no protection (or fails to). */
async function protectedByOs(pkcs8: ArrayBuffer | Uint8Array): Promise<string | null> {
  try {
    const blob = await osKeyProtection()?.protect(new Uint8Array(pkcs8));
    return blob ? toBase64(blob) : null;
  } catch (error) {
    // The non-extractable CryptoKey is the browser's protection: still sound, and the key works.
    console.error('the OS could not protect the new signing key; it is kept non-extractable instead', error);
    return null;
  }
}

/** A new key that signs from now on; unless `replaceUsable`, one made meanwhile by another window wins. */
async function addKey(db: YishiDb, now: Date, replaceUsable: boolean): Promise<Signer> {
  const { key, pkcs8 } = await generateSigningKey();
  const signer: Signer = { key, ...(await signingOrganisation(db)) };
  // With a backup passphrase set, the backup keeps an encrypted copy; the clear PKCS#8 is dropped here.
  const wrapping = await passphraseSecret(db);
  const wrapped = wrapping ? await wrapPrivateKey(pkcs8, key.keyId, wrappingOf(wrapping)) : undefined;
  const osProtected = (await protectedByOs(pkcs8)) ?? undefined;
  const installed = await db.transaction(
    'rw',
    [db.signingKeys, db.signingSecrets, ...AUDIT_TABLES.map((t) => db.table(t))],
    async () => {
      const existing = replaceUsable ? null : await usableKey(db);
      if (existing) return existing;
      await installKey(db, signer, now.toISOString(), wrapped, osProtected);
      await appendAudit(db, {
        action: 'keyChange',
        summary: `${replaceUsable ? '更换签名密钥，新密钥' : '生成签名密钥'}${keyIdLabel(key.keyId)}（${signer.orgName}）`,
        subjectId: key.keyId,
        at: now,
      });
      return signer;
    },
  );
  // One made meanwhile by another window: opened here, outside the transaction (the OS is asked).
  return 'secret' in installed ? signerOf(installed) : installed;
}

async function passphraseSecret(db: YishiDb): Promise<PassphraseSecret | undefined> {
  return (await db.signingSecrets.get(PASSPHRASE_SECRET_ID)) as PassphraseSecret | undefined;
}

function wrappingOf(secret: PassphraseSecret): WrappingKey {
  return { key: secret.privateKey, salt: secret.salt, iterations: secret.iterations };
}

export type PassphraseOutcome = { ok: true; key: OwnKey } | { ok: false; problem: 'tooShort' };

/**
 * 设置备份口令: from now on every new key is kept in backups, encrypted under the passphrase. The
 * current key's private half cannot be exported (by design), so a new key is made at once and
 * signs from now on; older keys keep verifying.
 */
export async function setBackupPassphrase(
  db: YishiDb,
  passphrase: string,
  now = new Date(),
): Promise<PassphraseOutcome> {
  if ([...passphrase].length < MIN_PASSPHRASE_CHARS) return { ok: false, problem: 'tooShort' };
  const wrapping = await deriveWrappingKey(passphrase, newSalt());
  const secret: PassphraseSecret = { keyId: PASSPHRASE_SECRET_ID, privateKey: wrapping.key, ...pick(wrapping) };
  await db.signingSecrets.put(secret);
  return { ok: true, key: await rotateSigningKey(db, now) };
}

function pick(wrapping: WrappingKey): { salt: string; iterations: number } {
  return { salt: wrapping.salt, iterations: wrapping.iterations };
}

export type RecoverOutcome = { ok: true; recovered: number } | { ok: false; problem: 'wrongPassphrase' | 'nothing' };

/**
 * After a restore on another computer: the keys whose encrypted copies the backup holds are
 * decrypted with the passphrase and kept on this machine as a new key is (by the OS where it
 * offers that, else non-extractable); the newest key that
 * was not retired signs again. Nothing is written when the passphrase opens none of them.
 */
export async function recoverKeys(db: YishiDb, passphrase: string): Promise<RecoverOutcome> {
  const locked = await recoverableKeys(db);
  if (locked.length === 0) return { ok: false, problem: 'nothing' };
  const derived = new Map<string, WrappingKey>();
  const secrets: SigningSecret[] = [];
  let newest: WrappingKey | null = null;
  for (const key of locked) {
    const wrapped = key.wrapped!;
    const id = `${wrapped.salt}/${wrapped.iterations}`;
    if (!derived.has(id)) derived.set(id, await deriveWrappingKey(passphrase, wrapped.salt, wrapped.iterations));
    const wrapping = derived.get(id)!;
    const opened = await unwrapPkcs8(wrapped, key.id, wrapping);
    if (!opened) continue;
    // Kept as a new key is: by the OS where it offers that, else as the non-extractable key.
    const osProtected = await protectedByOs(opened.pkcs8);
    secrets.push(osProtected ? { keyId: key.id, osProtected } : { keyId: key.id, privateKey: opened.key });
    newest ??= wrapping;
  }
  if (secrets.length === 0 || !newest) return { ok: false, problem: 'wrongPassphrase' };
  const passphraseKey: PassphraseSecret = { keyId: PASSPHRASE_SECRET_ID, privateKey: newest.key, ...pick(newest) };
  await db.transaction('rw', [db.signingSecrets, ...AUDIT_TABLES.map((t) => db.table(t))], async () => {
    await appendAudit(db, {
      action: 'keyChange',
      summary: `用备份口令恢复签名密钥${secrets.length}把：${secrets.map((k) => keyIdLabel(k.keyId)).join('、')}`,
    });
    await db.signingSecrets.bulkPut(secrets);
    // Keys made from now on are wrapped under the same passphrase, unless one is set here already.
    if (!(await db.signingSecrets.get(PASSPHRASE_SECRET_ID))) await db.signingSecrets.put(passphraseKey);
  });
  return { ok: true, recovered: secrets.length };
}

/** Own keys whose private half is not on this machine but whose encrypted copy is: newest first. */
async function recoverableKeys(db: YishiDb): Promise<OwnKey[]> {
  const own = await db.signingKeys.orderBy('createdAt').reverse().toArray();
  const present = new Set((await db.signingSecrets.toCollection().primaryKeys()) as string[]);
  return own.filter((k) => k.wrapped && !present.has(k.id));
}

/** The installation's signing key, created on first use. */
export async function currentSigner(db: YishiDb, now = new Date()): Promise<Signer> {
  const usable = await usableKey(db);
  return usable ? signerOf(usable) : addKey(db, now, false);
}

/** 更换密钥: a new key signs from now on; the old ones stay, for verifying what they signed. */
export async function rotateSigningKey(db: YishiDb, now = new Date()): Promise<OwnKey> {
  const signer = await addKey(db, now, true);
  return (await db.signingKeys.get(signer.key.keyId))!;
}

export interface KeyList {
  /** Newest first; `current` marks the one that signs, `osProtected` one the operating system keeps encrypted. */
  own: Array<OwnKey & { current: boolean; osProtected: boolean }>;
  registered: RegisteredKey[];
  /** A backup passphrase is set on this machine: new keys are kept, encrypted, in backups. */
  passphraseSet: boolean;
  /** Own keys restored from a backup whose passphrase would bring them back. */
  recoverable: number;
}

export async function listKeys(db: YishiDb): Promise<KeyList> {
  const signer = await usableKey(db);
  const own = await db.signingKeys.orderBy('createdAt').reverse().toArray();
  const secrets = (await db.signingSecrets.bulkGet(own.map((k) => k.id))) as Array<SigningSecret | undefined>;
  const registered = await db.registeredKeys.toArray();
  registered.sort((a, b) => a.orgName.localeCompare(b.orgName, 'zh-CN'));
  return {
    own: own.map((k, i) => ({
      ...k,
      current: k.id === signer?.key.id,
      osProtected: secrets[i] !== undefined && 'osProtected' in secrets[i],
    })),
    registered,
    passphraseSet: (await passphraseSecret(db)) !== undefined,
    recoverable: (await recoverableKeys(db)).length,
  };
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
  const tables = [db.signingKeys, db.registeredKeys, ...AUDIT_TABLES.map((t) => db.table(t))];
  return db.transaction('rw', tables, async (): Promise<RegisterOutcome> => {
    if (await db.signingKeys.get(key.id)) return { ok: false, problem: 'ownKey' };
    const existing = await db.registeredKeys.get(key.id);
    if (existing) return { ok: false, problem: 'alreadyRegistered', orgName: existing.orgName };
    await db.registeredKeys.add(key);
    await appendAudit(db, {
      action: 'keyChange',
      summary: `登记「${key.orgName}」的公钥${keyIdLabel(key.id)}`,
      subjectId: key.id,
      at: now,
    });
    return { ok: true, key };
  });
}

export async function removeRegisteredKey(db: YishiDb, keyId: string): Promise<void> {
  await db.transaction('rw', [db.registeredKeys, ...AUDIT_TABLES.map((t) => db.table(t))], async () => {
    const key = await db.registeredKeys.get(keyId);
    if (!key) return;
    await db.registeredKeys.delete(keyId);
    await appendAudit(db, {
      action: 'keyChange',
      summary: `移除「${key.orgName}」的公钥${keyIdLabel(key.id)}`,
      subjectId: key.id,
    });
  });
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
