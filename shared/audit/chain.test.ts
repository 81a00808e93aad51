import { describe, expect, it } from 'vitest';
import { nextEntry, verifyChain, type AuditEntry, type AuditHead } from './chain';

function log(n: number): { entries: AuditEntry[]; head: AuditHead } {
  const entries: AuditEntry[] = [];
  for (let i = 0; i < n; i++)
    entries.push(
      nextEntry(entries.at(-1) ?? null, {
        at: `2026-07-${String(10 + i).padStart(2, '0')}T01:00:00.000Z`,
        action: i % 2 ? 'export' : 'import',
        orgName: '胜兴社区',
        summary: `第${i + 1}件事`,
        subjectId: `m${i}`,
      }),
    );
  const last = entries.at(-1)!;
  return { entries, head: { key: 'head', seq: last.seq, hash: last.hash } };
}

describe('the audit chain', () => {
  it('an untouched log verifies; an empty log with an empty head too', () => {
    const { entries, head } = log(6);
    expect(verifyChain(entries, head)).toEqual({ ok: true, count: 6 });
    expect(verifyChain([], null)).toEqual({ ok: true, count: 0 });
    expect(entries[0]!.prevHash).toBe('0'.repeat(64));
    expect(entries[3]!.prevHash).toBe(entries[2]!.hash);
  });

  it('an edited entry is found where it was edited, whichever field', () => {
    const { entries, head } = log(6);
    for (const field of ['at', 'action', 'orgName', 'summary', 'subjectId'] as const) {
      const copy = entries.map((e) => ({ ...e }));
      (copy[2] as Record<string, unknown>)[field] = field === 'action' ? 'restore' : '改过';
      expect(verifyChain(copy, head), field).toEqual({ ok: false, problem: { kind: 'edited', seq: 3 } });
    }
  });

  it('an entry edited and its hash recomputed breaks the next link', () => {
    const { entries, head } = log(6);
    const forged = nextEntry(entries[1]!, { ...entries[2]!, summary: '改过' });
    const copy = [...entries.slice(0, 2), forged, ...entries.slice(3)];
    expect(verifyChain(copy, head)).toMatchObject({ ok: false, problem: { seq: 4 } });
  });

  it('a removed entry, two swapped entries, and a cut-off tail are each detected', () => {
    const { entries, head } = log(6);
    expect(verifyChain([...entries.slice(0, 2), ...entries.slice(3)], head)).toEqual({
      ok: false,
      problem: { kind: 'removed', seq: 4 },
    });
    expect(verifyChain(entries.slice(1), head)).toEqual({ ok: false, problem: { kind: 'removed', seq: 2 } });
    const swapped = [entries[0]!, entries[2]!, entries[1]!, ...entries.slice(3)];
    expect(verifyChain(swapped, head)).toEqual({ ok: false, problem: { kind: 'reordered', seq: 3 } });
    expect(verifyChain(entries.slice(0, 4), head)).toEqual({ ok: false, problem: { kind: 'truncated', seq: 4 } });
    expect(verifyChain([], head)).toEqual({ ok: false, problem: { kind: 'truncated', seq: 0 } });
  });
});
