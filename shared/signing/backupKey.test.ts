import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from './bytes';
import { deriveWrappingKey, newSalt, unwrapPrivateKey, wrapPrivateKey } from './backupKey';
import { generateSigningKey, verifiedStatement, signStatement } from './sign';
import type { Statement } from './statement';

// Fewer iterations than the app's, to keep the test quick; the scheme is the same.
const ITERATIONS = 200_000;

describe('passphrase-protected copies of a private key', () => {
  it('unwraps with the passphrase into a key that signs as the original, and refuses anything else', async () => {
    const { key, pkcs8 } = await generateSigningKey();
    const salt = newSalt();
    const wrapping = await deriveWrappingKey('胜兴社区备份口令2026', salt, ITERATIONS);
    const wrapped = await wrapPrivateKey(pkcs8, key.keyId, wrapping);
    expect(wrapped).toMatchObject({ kdf: 'PBKDF2-SHA-256', iterations: ITERATIONS, salt });

    const again = await deriveWrappingKey('胜兴社区备份口令2026', salt, ITERATIONS);
    const privateKey = await unwrapPrivateKey(wrapped, key.keyId, again);
    expect(privateKey?.extractable).toBe(false);
    const statement: Statement = {
      format: 'yishi-signature',
      version: 1,
      meetingId: 'm1',
      fingerprint: 'a'.repeat(64),
      slot: 0,
      kind: 'lock',
      orgUnitId: 'u1',
      orgName: '胜兴社区',
      signedAt: '2026-07-16T02:00:00.000Z',
      keyId: key.keyId,
    };
    const row = await signStatement(statement, { ...key, privateKey: privateKey! });
    expect(await verifiedStatement(row)).toEqual(statement);

    const wrong = await deriveWrappingKey('别的口令', salt, ITERATIONS);
    expect(await unwrapPrivateKey(wrapped, key.keyId, wrong)).toBeNull();
    expect(await unwrapPrivateKey(wrapped, '0123456789abcdef', again)).toBeNull();
    const data = fromBase64(wrapped.data)!;
    data[5]! ^= 1;
    expect(await unwrapPrivateKey({ ...wrapped, data: toBase64(data) }, key.keyId, again)).toBeNull();
  }, 30_000);
});
