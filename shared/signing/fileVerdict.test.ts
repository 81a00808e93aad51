import { describe, expect, it } from 'vitest';
import { meetingFileVerdict } from './fileVerdict';
import { meetingFileText, readMeetingFile } from '../meeting/file';
import { fingerprintRecord } from '../meeting/fingerprint';
import { exampleExtras, exampleSigner, EXAMPLE_ORG } from '../fixtures/exampleKey';
import { sampleSignedRedBenchRecord } from '../fixtures/testRecord';
import type { KnownKey } from './verdict';

const NOW = new Date('2026-07-21T01:00:00Z');

async function signedFile(): Promise<string> {
  const record = await sampleSignedRedBenchRecord();
  return meetingFileText(record, 't', NOW, await exampleExtras(record));
}

async function registered(): Promise<KnownKey[]> {
  const { key } = await exampleSigner();
  return [{ keyId: key.keyId, publicKey: key.publicKey, orgName: '胜兴社区（已登记）', source: 'registered' }];
}

async function verdictOf(text: string, keys: KnownKey[]) {
  const reading = await readMeetingFile(text);
  if (!reading.ok) throw new Error(JSON.stringify(reading.problem));
  return meetingFileVerdict(reading, keys);
}

describe('meetingFileVerdict', () => {
  it('a format 3 file: 签名有效 with a registered key (named as registered), 未登记 without', async () => {
    const text = await signedFile();
    expect(await verdictOf(text, await registered())).toMatchObject({
      state: 'signedValid',
      orgName: '胜兴社区（已登记）',
      source: 'registered',
    });
    expect(await verdictOf(text, [])).toMatchObject({ state: 'signedUnregistered', orgName: EXAMPLE_ORG.orgName });
  });

  it('files of format 1 and 2 are 旧格式，无签名 even when they carry a valid signature and seal', async () => {
    for (const formatVersion of [1, 2]) {
      const file = JSON.parse(await signedFile());
      file.formatVersion = formatVersion;
      expect(await verdictOf(JSON.stringify(file), await registered())).toEqual({
        state: 'legacyFormat',
        formatVersion,
      });
    }
  });

  it('a format 3 file without signatures is 未签名', async () => {
    const file = JSON.parse(await signedFile());
    file.signatures = [];
    expect(await verdictOf(JSON.stringify(file), await registered())).toMatchObject({ state: 'unsigned' });
  });

  it('a decision changed and the fingerprint recomputed is 内容与签名不符, never 有效', async () => {
    const file = JSON.parse(await signedFile());
    file.record.decisions[0].standard = `${file.record.decisions[0].standard}，另加两个`;
    file.record.meeting.fingerprint = await fingerprintRecord(file.record);
    expect(await verdictOf(JSON.stringify(file), await registered())).toEqual({
      state: 'mismatch',
      reason: 'resealed',
    });
  });

  it('a signature over another meeting’s record, moved into this file, is 内容与签名不符', async () => {
    const file = JSON.parse(await signedFile());
    const statement = JSON.parse(file.signatures[0].statement);
    statement.fingerprint = 'f'.repeat(64);
    file.signatures[0].statement = JSON.stringify(statement);
    expect(await verdictOf(JSON.stringify(file), await registered())).toEqual({
      state: 'mismatch',
      reason: 'signature',
    });
  });
});
