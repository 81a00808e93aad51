import { describe, expect, it } from 'vitest';
import { cleanMatterList, matterSchema, raisedByLine, raiserSchema, type Matter } from './matter';
import { migrateMatterV1 } from './matterMigration';
import { firstIssueMessage } from '../validation/messages';

const base: Matter = {
  id: 'm1',
  orgUnitId: 'o1',
  raisedBy: { kind: 'oneOff', name: '王大爷', phone: '13905461234' },
  alsoRaisedBy: [],
  channel: '红马扎',
  raisedAt: '2026-11-03',
  category: '停车',
  title: '楼下车位被占',
  urgency: 'normal',
  path: 'untriaged',
  createdAt: '2026-11-03T02:00:00.000Z',
  updatedAt: '2026-11-03T02:00:00.000Z',
};

describe('a matter', () => {
  it('accepts a roster resident, a one-off person with or without phone, and anonymous', () => {
    expect(raiserSchema.safeParse({ kind: 'resident', personId: 'p1', name: '黄玉梅' }).success).toBe(true);
    expect(raiserSchema.safeParse({ kind: 'oneOff', name: '王大爷' }).success).toBe(true);
    expect(raiserSchema.safeParse({ kind: 'oneOff', name: '王大爷', phone: '0546-2512345' }).success).toBe(true);
    expect(raiserSchema.safeParse({ kind: 'anonymous' }).success).toBe(true);
  });

  it('refuses a bad phone, an empty name and a date that does not exist, in Chinese naming the field', () => {
    const say = (row: unknown) => {
      const r = matterSchema.safeParse(row);
      return r.success ? 'ok' : firstIssueMessage(r.error, { root: { kind: 'row', table: 'matters' }, input: row });
    };
    expect(say(base)).toBe('ok');
    expect(say({ ...base, raisedBy: { kind: 'oneOff', name: '王大爷', phone: '12345' } })).toContain(
      '电话号码格式不正确',
    );
    expect(say({ ...base, raisedBy: { kind: 'oneOff', name: ' ' } })).toContain('提出人姓名');
    expect(say({ ...base, raisedAt: '2026-02-30' })).toContain('提出日期');
    expect(say({ ...base, title: '' })).toContain('事项标题');
  });

  it('names who raised it for an agenda item: the first named raiser, and how many in all', () => {
    expect(raisedByLine(base)).toBe('王大爷');
    expect(raisedByLine({ raisedBy: { kind: 'anonymous' }, alsoRaisedBy: [] })).toBeUndefined();
    expect(
      raisedByLine({
        raisedBy: { kind: 'anonymous' },
        alsoRaisedBy: [{ kind: 'resident', personId: 'p', name: '黄玉梅' }, { kind: 'anonymous' }],
      }),
    ).toBe('黄玉梅等3人');
  });
});

describe('migrating a v1 matter', () => {
  const v1 = {
    id: 'm1',
    orgUnitId: 'o1',
    title: '楼道堆放杂物',
    description: '3号楼一单元',
    raisedBy: '王晓光',
    channel: 'visit',
    kind: 'immediate',
    status: 'registered',
    createdAt: '2026-10-05T01:30:00.000Z',
  };

  it('turns the free-text raiser into a one-off person, the channel code into words, kind into path', () => {
    const row = migrateMatterV1(v1);
    expect(matterSchema.parse(row)).toMatchObject({
      raisedBy: { kind: 'oneOff', name: '王晓光' },
      channel: '网格员走访',
      path: 'immediate',
      category: '其他',
      urgency: 'normal',
      raisedAt: '2026-10-05',
      updatedAt: v1.createdAt,
    });
    expect(row).not.toHaveProperty('status');
    expect(row).not.toHaveProperty('kind');
  });

  it('makes a matter without a raiser anonymous and closes a solved one', () => {
    const { raisedBy: _r, ...noRaiser } = v1;
    const row = matterSchema.parse(
      migrateMatterV1({ ...noRaiser, status: 'solved', channel: 'online', kind: 'pending' }),
    );
    expect(row.raisedBy).toEqual({ kind: 'anonymous' });
    expect(row.closedAt).toBe(v1.createdAt);
    expect(row.channel).toBe('网上说事');
    expect(row.path).toBe('pending');
  });

  it('leaves a row already in the new shape alone', () => {
    expect(migrateMatterV1(base)).toBe(base);
  });
});

describe('the editable channel and category lists', () => {
  it('trims, drops blanks and repeats, keeps the order', () => {
    expect(cleanMatterList([' 红马扎 ', '', '红马扎', '楼栋长转达'], 'channels')).toEqual({
      ok: true,
      list: ['红马扎', '楼栋长转达'],
    });
  });

  it('refuses an entry too long to store, naming it', () => {
    const long = '很长的类别名称超过了二十个字的限制所以不能保存下来的';
    expect(cleanMatterList([long], 'categories')).toMatchObject({
      ok: false,
      message: `事项类别“${long}”太长，不能超过20个字`,
      refusal: {
        table: 'matters',
        code: 'listEntryTooLong',
        values: { entry: long, max: 20 },
        phrases: { list: 'categories' },
      },
    });
  });
});

describe('migrating a hostile v1 row', () => {
  it('never throws on values that are not text, nor reads inherited keys', () => {
    for (const odd of [
      { kind: { toString: 1 }, channel: Object.create(null), status: 'solved' },
      { kind: 'constructor', channel: '__proto__', raisedBy: 7, createdAt: { a: 1 } },
    ]) {
      const row = migrateMatterV1({ id: 'm', orgUnitId: 'o', title: '标题', ...odd }) as Record<string, unknown>;
      expect(row.path).toBe('untriaged');
      expect(row.channel).toBe('其他');
      expect(row.raisedBy).toEqual({ kind: 'anonymous' });
    }
  });
});
