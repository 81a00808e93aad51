import { describe, expect, it } from 'vitest';
import { MEETING_STATUSES } from '../domain/meeting';
import { DOCUMENT_KINDS, documentKindsFor } from './kinds';

describe('documents a meeting may produce', () => {
  it('issues the 签字页 and the 决议公示 only for a finalised record, the 纪要 once the meeting has begun', () => {
    for (const status of MEETING_STATUSES.filter((s) => s !== 'cancelled')) {
      const kinds = documentKindsFor(status);
      const finalised = status === 'finalised' || status === 'signed';
      expect(kinds.includes('signatureSheet'), status).toBe(finalised);
      expect(kinds.includes('resolutionNotice'), status).toBe(finalised);
      expect(kinds.includes('minutes'), status).toBe(status !== 'draft');
      expect(kinds.includes('notice') && kinds.includes('signInSheet'), status).toBe(true);
      expect(new Set(kinds).size).toBe(kinds.length);
    }
    expect([...documentKindsFor('signed')].sort()).toEqual([...DOCUMENT_KINDS].sort());
  });
  it('prints nothing for a cancelled meeting: it decided nothing and will not be held', () => {
    expect(documentKindsFor('cancelled')).toEqual([]);
  });
});
