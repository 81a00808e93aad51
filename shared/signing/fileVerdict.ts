import { defaultSubtle, type Subtle } from './webcrypto';
import type { MeetingRecord } from '../meeting/record';
import { SIGNED_FILE_FORMAT_VERSION } from '../meeting/file';
import type { RecordSignature } from './sign';
import { signatureVerdict, type KnownKey, type SignatureVerdict } from './verdict';

/**
 * 核验 of a meeting file as read: a file of a format before signatures (1, 2) is 旧格式，无签名
 * whatever its seal says — its record may be consistent, but nothing vouches for who sealed it —
 * and a version 3 file gets the one verdict of 核验 over its record and the signatures it carries.
 */
export type FileVerdict = SignatureVerdict | { state: 'legacyFormat'; formatVersion: number };

export function meetingFileVerdict(
  file: { record: MeetingRecord; signatures: readonly RecordSignature[]; formatVersion: number },
  keys: readonly KnownKey[],
  subtle: Subtle = defaultSubtle(),
): Promise<FileVerdict> {
  if (file.formatVersion < SIGNED_FILE_FORMAT_VERSION)
    return Promise.resolve({ state: 'legacyFormat', formatVersion: file.formatVersion });
  return signatureVerdict(file.record, file.signatures, keys, subtle);
}
