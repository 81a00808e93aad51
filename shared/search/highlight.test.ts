import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { highlightParts, snippetAround } from './highlight';

/** The parts written as the screen shows them: [matched] in brackets. */
const marked = (text: string, words: string[]) =>
  highlightParts(text, words)
    .map((p) => (p.hit ? `[${p.text}]` : p.text))
    .join('');

/** No code unit of the string is half a surrogate pair. */
const wellFormed = (s: string) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);

describe('highlightParts', () => {
  it('marks every occurrence of every word', () => {
    expect(marked('3号楼加装电梯，电梯费用分摊', ['电梯'])).toBe('3号楼加装[电梯]，[电梯]费用分摊');
    expect(marked('垃圾分类设施改造', ['垃圾', '改造'])).toBe('[垃圾]分类设施[改造]');
  });

  it('ignores case in Latin letters and keeps the text as written', () => {
    expect(marked('WiFi信号差，wifi要升级', ['WIFI'])).toBe('[WiFi]信号差，[wifi]要升级');
  });

  it('merges overlapping and touching matches into one', () => {
    expect(marked('加装电梯意见', ['加装电', '电梯'])).toBe('[加装电梯]意见');
    expect(marked('加装电梯意见', ['加装', '电梯'])).toBe('[加装电梯]意见');
    expect(marked('哈哈哈哈', ['哈哈'])).toBe('[哈哈哈哈]');
  });

  it('gives the whole text as one part when nothing matches, none for no text', () => {
    expect(highlightParts('停车位改造', ['电梯'])).toEqual([{ text: '停车位改造', hit: false }]);
    expect(highlightParts('停车位改造', [])).toEqual([{ text: '停车位改造', hit: false }]);
    expect(highlightParts('停车位改造', ['', '  '])).toEqual([{ text: '停车位改造', hit: false }]);
    expect(highlightParts('', ['电梯'])).toEqual([]);
  });

  it('never splits a character outside the BMP', () => {
    // 𠮷 is \uD842\uDFB7: a word holding only half of it must not cut it in two.
    expect(marked('𠮷祥路𠮷', ['𠮷祥'])).toBe('[𠮷祥]路𠮷');
    const parts = highlightParts('住户𠮷先生', ['\uDFB7先生']);
    expect(parts.map((p) => p.text)).toEqual(['住户', '𠮷先生']);
    for (const p of parts) expect(wellFormed(p.text)).toBe(true);
  });

  it('always gives back the text when joined, with no empty part and no half character', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme-composite', maxLength: 40 }),
        fc.array(fc.string({ unit: 'grapheme-composite', maxLength: 4 }), { maxLength: 3 }),
        (text, words) => {
          const parts = highlightParts(text, words);
          expect(parts.map((p) => p.text).join('')).toBe(text);
          for (const p of parts) {
            expect(p.text).not.toBe('');
            expect(wellFormed(p.text)).toBe(true);
          }
          // Two hits in a row would have been merged.
          for (let i = 1; i < parts.length; i++) expect(parts[i]!.hit && parts[i - 1]!.hit).toBe(false);
        },
      ),
    );
  });
});

describe('snippetAround', () => {
  const long =
    '主持人说明议题来由：近两个月，居民通过党群睦邻说事点和微信说事群反映垃圾分类投放点问题17条，' +
    '集中在1号楼、6号楼和11号楼旁3处投放点。黄玉梅反映：投放点桶身破损、没有遮雨棚，雨天垃圾外溢，夏季异味大；' +
    '建议改造时一并解决照明和洗手问题。';

  it('gives a short text whole, on one line', () => {
    expect(snippetAround('加装电梯意见征集', ['电梯'])).toBe('加装电梯意见征集');
    expect(snippetAround('第一行\n\n  第二行', ['第二'])).toBe('第一行 第二行');
  });

  it('cuts a long text around the first match, with … at the cut ends', () => {
    const s = snippetAround(long, ['遮雨棚'], 10);
    expect(s).toContain('遮雨棚');
    expect(s.startsWith('…')).toBe(true);
    expect(s.endsWith('…')).toBe(true);
    expect(Array.from(s.replace(/…/g, '')).length).toBe(23);
    expect(s).toBe('…投放点桶身破损、没有遮雨棚，雨天垃圾外溢，夏季…');
  });

  it('keeps its width at either end of the text, with … on the cut side only', () => {
    const atStart = snippetAround(long, ['主持人'], 10);
    expect(atStart).toBe('主持人说明议题来由：近两个月，居民通过党群睦邻…');
    const atEnd = snippetAround(long, ['洗手问题'], 10);
    expect(atEnd.startsWith('…')).toBe(true);
    expect(atEnd.endsWith('洗手问题。')).toBe(true);
    expect(Array.from(atEnd.slice(1)).length).toBe(24);
    expect(atEnd).toBe(`…${Array.from(long).slice(-24).join('')}`);
  });

  it('gives the start of the text when nothing matches', () => {
    expect(snippetAround(long, ['电梯'], 5)).toBe('主持人说明议题来由：…');
  });

  it('counts a character outside the BMP as one and never cuts it in half', () => {
    const text = '𠮷'.repeat(30) + '电梯' + '𠮷'.repeat(30);
    const s = snippetAround(text, ['电梯'], 3);
    expect(s).toBe('…𠮷𠮷𠮷电梯𠮷𠮷𠮷…');
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme-composite', maxLength: 120 }),
        fc.string({ unit: 'grapheme-composite', minLength: 1, maxLength: 3 }),
        fc.integer({ min: 1, max: 30 }),
        (t, word, radius) => {
          expect(wellFormed(snippetAround(t, [word], radius))).toBe(true);
        },
      ),
    );
  });

  it('finds the match ignoring case', () => {
    const text = 'x'.repeat(50) + 'WiFi' + 'y'.repeat(50);
    expect(snippetAround(text, ['wifi'], 2)).toBe('…xxWiFiyy…');
  });
});
