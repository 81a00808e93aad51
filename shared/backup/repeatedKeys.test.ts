import { describe, expect, it } from 'vitest';
import { seededRandom } from '../random';
import { RepeatedKeys } from './repeatedKeys';

/** What a set says: the reference the ordered shortcut must always agree with. */
function firstRepeatBySet(keys: string[]): number {
  const seen = new Set<string>();
  for (const [i, key] of keys.entries()) {
    if (seen.has(key)) return i;
    seen.add(key);
  }
  return -1;
}

function firstRepeat(keys: string[]): number {
  const repeated = new RepeatedKeys();
  return keys.findIndex((key) => repeated.repeats(key));
}

describe('RepeatedKeys', () => {
  it('finds no repeat among ascending keys, and a repeat of the last one', () => {
    expect(firstRepeat(['a', 'b', 'c'])).toBe(-1);
    expect(firstRepeat(['a', 'b', 'b'])).toBe(2);
  });

  it('finds a repeat of an early key once the order breaks', () => {
    expect(firstRepeat(['a', 'b', 'c', 'a'])).toBe(3);
    expect(firstRepeat(['a', 'c', 'b', 'd', 'c'])).toBe(4);
    expect(firstRepeat(['b', 'a', 'c'])).toBe(-1);
  });

  it('keeps counting every key given after the order breaks', () => {
    expect(firstRepeat(['x', 'a', 'y', 'a'])).toBe(3);
    expect(firstRepeat(['x', 'a', 'y', 'x'])).toBe(3);
  });

  it('treats keys as text: 10 sorts before 9, and "1" and "01" differ', () => {
    expect(firstRepeat(['9', '10', '9'])).toBe(2);
    expect(firstRepeat(['1', '01'])).toBe(-1);
  });

  it('agrees with a set on random runs, mostly ascending with disorder and repeats', () => {
    const random = seededRandom(1407);
    const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
    for (let run = 0; run < 400; run++) {
      const keys: string[] = [];
      let next = 0;
      const length = int(0, 60);
      for (let i = 0; i < length; i++) {
        const roll = random();
        if (roll < 0.8) next += int(1, 3);
        else if (roll < 0.9 && keys.length > 0) {
          keys.push(keys[int(0, keys.length - 1)]!);
          continue;
        } else next = int(0, next + 5);
        keys.push(`k-${String(next).padStart(4, '0')}`);
      }
      expect(firstRepeat(keys), keys.join(' ')).toBe(firstRepeatBySet(keys));
    }
  });
});
