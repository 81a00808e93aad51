import { describe, expect, it } from 'vitest';
import { indexTerms, matchesWords, planQuery } from './terms';

describe('indexTerms', () => {
  it('indexes every pair of neighbouring Han characters', () => {
    expect(indexTerms('加装电梯').sort()).toEqual(['加装', '装电', '电梯'].sort());
  });

  it('pairs letters and digits of any script together, never across punctuation or spaces', () => {
    const terms = indexTerms('停车，电梯3号楼 A座');
    expect(terms).toEqual(expect.arrayContaining(['停车', '电梯', '梯3', '3号', '号楼', 'a座']));
    expect(terms).not.toContain('车电');
    expect(terms).not.toContain('楼a');
  });

  it('keeps characters outside the BMP whole', () => {
    const terms = indexTerms('𠮷祥小区');
    expect(terms).toContain('𠮷祥');
    expect(terms.every((t) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(t))).toBe(true);
  });

  it('indexes Latin and digits lower-cased and full-width folded', () => {
    const terms = indexTerms('Elevator ２０２５');
    expect(terms).toEqual(expect.arrayContaining(['el', 'le', 'or', '20', '02', '25']));
    expect(terms).not.toContain('El');
  });

  it('indexes names by their pinyin initials', () => {
    expect(indexTerms('', ['张丽华']).sort()).toEqual(['lh', 'zl']);
  });

  it('lists a term once however often it occurs', () => {
    const terms = indexTerms('电梯电梯电梯');
    expect(terms.filter((t) => t === '电梯')).toHaveLength(1);
  });
});

describe('planQuery', () => {
  it('needs the pairs of every word', () => {
    expect(planQuery('加装电梯 停车').terms.sort()).toEqual(['加装', '装电', '电梯', '停车'].sort());
  });

  it('has no term for a single character', () => {
    expect(planQuery('梯').terms).toEqual([]);
    expect(planQuery('a').terms).toEqual([]);
  });

  it('bounds a query of any length (one from the address)', () => {
    const plan = planQuery('加装电梯'.repeat(5_000) + ' 停车'.repeat(100));
    expect(plan.terms.length).toBeLessThanOrEqual(12);
    expect(plan.words.length).toBeLessThanOrEqual(8);
    expect(plan.words.join('').length).toBeLessThanOrEqual(100);
  });

  it('looks up a digit and a character together (3号)', () => {
    expect(planQuery('3号').terms).toEqual(['3号']);
  });

  it('finds a record through every term its words need (any substring of two or more characters)', () => {
    const text = '关于幸福里小区3号楼加装电梯的协商（Phase2）';
    const indexed = new Set(indexTerms(text));
    for (let i = 0; i < text.length; i++)
      for (let j = i + 2; j <= text.length; j++) {
        const plan = planQuery(text.slice(i, j));
        expect(plan.terms.every((t) => indexed.has(t))).toBe(true);
      }
  });
});

describe('matchesWords', () => {
  it('requires each word as a stretch of the text, not only its pairs', () => {
    expect(matchesWords('加装电梯', [], ['装电梯'])).toBe(true);
    expect(matchesWords('加装 装电 电梯', [], ['装电梯'])).toBe(false);
  });

  it('matches a name by its initials', () => {
    expect(matchesWords('责任人', ['张丽华'], ['zl'])).toBe(true);
    expect(matchesWords('责任人', ['王强'], ['zl'])).toBe(false);
  });
});
