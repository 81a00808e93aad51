import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { openFailureOf } from './openFailure';

describe('what kind of failure kept the database from opening', () => {
  it('names a busy or unreadable store, a full disk, or anything else, from the error’s name', () => {
    const busy = new DOMException('Internal error opening backing store for indexedDB.open.', 'UnknownError');
    expect(openFailureOf(busy)).toBe('busy');
    expect(openFailureOf(new Dexie.OpenFailedError('x', busy))).toBe('busy');
    expect(openFailureOf(new DOMException('Quota exceeded', 'QuotaExceededError'))).toBe('diskFull');
    expect(openFailureOf(new Dexie.AbortError('x', new DOMException('q', 'QuotaExceededError')))).toBe('diskFull');
    for (const other of [new Error('boom'), new DOMException('x', 'InvalidStateError'), 'text', null, undefined])
      expect(openFailureOf(other)).toBe('other');
  });
});
