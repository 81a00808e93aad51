import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from './bytes';
import { publicKeyFileText, readPublicKeyFile } from './keyFile';
import { generateSigningKey } from './sign';
import { keyIdLabel, keyIdOf, parseStatement, statementText, type Statement } from './statement';

async function keyFile() {
  const { key } = await generateSigningKey();
  return {
    key,
    text: publicKeyFileText({
      organisation: '胜兴社区',
      keyId: key.keyId,
      publicKey: key.publicKey,
      createdAt: '2026-07-01T00:00:00.000Z',
    }),
  };
}

describe('public key files', () => {
  it('reads back what it writes', async () => {
    const { key, text } = await keyFile();
    expect(await readPublicKeyFile(text)).toEqual({ ok: true, file: expect.objectContaining({ keyId: key.keyId }) });
    expect(await readPublicKeyFile(`\uFEFF${text}`)).toMatchObject({ ok: true });
  });

  it('refuses what is not a key file, a newer version, a bad key, and a key id that is not the key’s', async () => {
    const { key, text } = await keyFile();
    const file = JSON.parse(text) as Record<string, unknown>;
    const read = (value: unknown) => readPublicKeyFile(typeof value === 'string' ? value : JSON.stringify(value));
    expect(await read('{')).toEqual({ ok: false, problem: 'notJson' });
    expect(await read({ format: 'yishi-meeting', formatVersion: 1 })).toEqual({ ok: false, problem: 'notAKeyFile' });
    expect(await read({ ...file, version: 2 })).toEqual({ ok: false, problem: 'newerVersion' });
    expect(await read({ ...file, organisation: ' ' })).toEqual({ ok: false, problem: 'invalid' });
    expect(await read({ ...file, publicKey: 'AAAA' })).toEqual({ ok: false, problem: 'badKey' });
    const other = fromBase64(key.publicKey)!;
    other[0]! ^= 1;
    expect(await read({ ...file, publicKey: toBase64(other) })).toMatchObject({ ok: false });
    expect(await read({ ...file, keyId: '0123456789abcdef' })).toEqual({ ok: false, problem: 'keyIdMismatch' });
    expect(await read('x'.repeat(30_000))).toEqual({ ok: false, problem: 'tooLarge' });
  });
});

describe('statements and key ids', () => {
  it('key ids are the first 16 hex of SHA-256 over the raw key, shown in groups of four', async () => {
    const raw = new Uint8Array(32);
    // SHA-256 of 32 zero bytes starts 66687aadf862bd77.
    expect(await keyIdOf(toBase64(raw))).toBe('66687aadf862bd77');
    expect(keyIdLabel('66687aadf862bd77')).toBe('6668-7AAD-F862-BD77');
  });

  it('only reads a statement in its canonical form', () => {
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
      keyId: '66687aadf862bd77',
    };
    const text = statementText(statement);
    expect(parseStatement(text)).toEqual(statement);
    expect(parseStatement(JSON.stringify(statement, null, 1))).toBeNull();
    expect(parseStatement(statementText({ ...statement, slot: 1 }))).toBeNull(); // a lock is slot 0
    expect(parseStatement(text.replace('}', ',"extra":1}'))).toBeNull();
  });

  it('refuses base64 that is not canonical', () => {
    expect(fromBase64('AAB=')).toBeNull(); // unused bits set: another spelling of "AAA="
    expect(fromBase64('AA A')).toBeNull();
    expect(fromBase64('AAA=')).toEqual(new Uint8Array([0, 0]));
  });
});
