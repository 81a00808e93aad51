import { describe, expect, it } from 'vitest';
import { bigrams, compoundOf, containment, dice, similarMatters, type SimilarCandidate } from './matterSimilar';

const open: SimilarCandidate[] = [
  {
    id: 'parking',
    compoundId: 'c1',
    title: '停车位改造划分',
    description: '地面停车位划线模糊、车位不足，晚间占用绿化带停车。',
  },
  {
    id: 'waste',
    compoundId: 'c1',
    title: '垃圾分类设施改造提升',
    description: '桶站破损、没有遮雨棚，1号楼旁投放点异味大。',
  },
  { id: 'lift', compoundId: 'c1', title: '3号楼电梯运行有异响', description: '电梯上下行时有异响。' },
  { id: 'elsewhere', compoundId: 'c2', title: '停车位不够，车停绿化带', description: '' },
];

describe('similar open matters', () => {
  it('cuts Chinese into overlapping pairs and skips punctuation', () => {
    expect([...bigrams('停车位，不足')]).toEqual(['停车', '车位', '不足']);
    expect(dice(bigrams('停车位'), bigrams('停车位'))).toBe(1);
    expect(dice(bigrams(''), bigrams('停车位'))).toBe(0);
    expect(containment(bigrams('停车位'), bigrams('地面停车位划线'))).toBe(1);
  });

  it('suggests the parking matter of the same compound for a parking complaint, not the other compound', () => {
    const found = similarMatters({ title: '车位不足，晚上车停到绿化带上', compoundId: 'c1' }, open);
    expect(found.map((m) => m.id)).toEqual(['parking']);
    expect(found[0]!.score).toBeGreaterThanOrEqual(0.3);
  });

  it('finds the waste matter from a description typed in other words', () => {
    const found = similarMatters(
      { title: '垃圾桶站破损', description: '1号楼旁垃圾投放点异味大', compoundId: 'c1' },
      open,
    );
    expect(found[0]?.id).toBe('waste');
  });

  it('suggests a matter whose long description covers a short complaint typed in other words', () => {
    const demoParking: SimilarCandidate = {
      id: 'demoParking',
      compoundId: 'c1',
      title: '停车位改造划分',
      description:
        '地面停车位划线模糊、车位不足，晚间占用绿化带和通道停车的情况较多。业主建议重新施划车位、增设临时停车区，需物业、业委会和有车业主共同商定方案。',
    };
    const demoWaste: SimilarCandidate = {
      id: 'demoWaste',
      compoundId: 'c1',
      title: '垃圾分类设施改造提升',
      description:
        '小区垃圾分类投放点设施老化，桶站破损、没有遮雨棚，1号楼旁投放点异味大，居民多次在说事点反映。拟召开红板凳议事会，商定投放点改造位置、改造标准、完成时限和监督人。',
    };
    const typed = { title: '车位不足，晚上车停到绿化带上', compoundId: 'c1' };
    expect(similarMatters(typed, [demoParking, demoWaste]).map((m) => m.id)).toEqual(['demoParking']);
    // Two words are not enough to say two matters are the same.
    expect(similarMatters({ title: '车位不足', compoundId: 'c1' }, [demoParking])).toEqual([]);
  });

  it('suggests nothing for an unrelated matter or an empty form', () => {
    expect(similarMatters({ title: '独居老人希望开设助餐点', compoundId: 'c1' }, open)).toEqual([]);
    expect(similarMatters({ title: '  ', compoundId: 'c1' }, open)).toEqual([]);
  });

  it('returns at most five, best first', () => {
    const many = Array.from({ length: 8 }, (_, i) => ({
      id: `p${i}`,
      compoundId: 'c1',
      title: `停车位改造${'划分'.repeat(i)}`,
    }));
    const found = similarMatters({ title: '停车位改造', compoundId: 'c1' }, many);
    expect(found).toHaveLength(5);
    expect(found.map((m) => m.id)).toEqual(['p0', 'p1', 'p2', 'p3', 'p4']);
  });

  it('reads the compound of a grid as its parent, and of a compound as itself', () => {
    const units = [
      { id: 'comm', parentId: null, level: 'community' },
      { id: 'c1', parentId: 'comm', level: 'compound' },
      { id: 'g1', parentId: 'c1', level: 'grid' },
    ];
    expect(compoundOf(units, 'g1')).toBe('c1');
    expect(compoundOf(units, 'c1')).toBe('c1');
    expect(compoundOf(units, 'comm')).toBe('comm');
  });
});
