import { describe, expect, it } from 'vitest';
import { balancedLines } from './blocks';
import { textWidthChars } from './measure';

describe('text widths per character class', () => {
  it('counts capitals, &, < and > wider than half a Chinese character, and the Chinese–Latin gap', () => {
    expect(textWidthChars('帝纱富仕城')).toBe(5);
    for (const ch of ['A', 'M', 'W', '&', '<', '>']) expect(textWidthChars(ch), ch).toBeGreaterThan(0.55);
    expect(textWidthChars('R&D<ONE>')).toBeGreaterThan(5);
    expect(textWidthChars('A帝')).toBeGreaterThan(textWidthChars('A') + textWidthChars('帝'));
    expect(textWidthChars('“两委”')).toBe(4); // quotes in a Chinese face take a full cell
  });

  it('splits a title with Latin words between words, every line within its width', () => {
    const title = 'GREEN PARK&CBD WEST小区2026年第1期党群议事日会议纪要';
    const lines = balancedLines(title, 12);
    expect(lines.join('').replace(/\s/g, '')).toBe(title.replace(/\s/g, ''));
    for (const line of lines) expect(textWidthChars(line), line).toBeLessThanOrEqual(12);
    for (const word of ['GREEN', 'PARK&CBD', 'WEST', '2026'])
      expect(
        lines.some((l) => l.includes(word)),
        word,
      ).toBe(true);
  });
});
