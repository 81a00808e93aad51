import { describe, expect, it } from 'vitest';
import { growthAllowed, MAX_DOC_CHARS, MAX_PASTE_CHARS, pasteAllowed } from './limits';

describe('paste guard', () => {
  it('allows ordinary pastes', () => {
    expect(pasteAllowed('会议纪要'.repeat(1000), 10_000)).toEqual({ ok: true });
    expect(pasteAllowed('x'.repeat(MAX_PASTE_CHARS), 0)).toEqual({ ok: true });
  });

  it('refuses one paste over 200,000 characters', () => {
    expect(pasteAllowed('x'.repeat(MAX_PASTE_CHARS + 1), 0)).toEqual({ ok: false, reason: 'pasteTooLarge' });
    expect(pasteAllowed(MAX_PASTE_CHARS + 1, 0)).toEqual({ ok: false, reason: 'pasteTooLarge' });
  });

  it('refuses a paste that would take the document over its cap', () => {
    expect(pasteAllowed(100_000, MAX_DOC_CHARS - 50_000)).toEqual({ ok: false, reason: 'docTooLarge' });
    expect(pasteAllowed(50_000, MAX_DOC_CHARS - 50_000)).toEqual({ ok: true });
  });

  it('lets a full document shrink but not grow', () => {
    expect(growthAllowed(MAX_DOC_CHARS, MAX_DOC_CHARS + 1)).toBe(false);
    expect(growthAllowed(MAX_DOC_CHARS + 10, MAX_DOC_CHARS + 5)).toBe(true);
    expect(growthAllowed(10, 20)).toBe(true);
  });
});
