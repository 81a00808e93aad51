import { describe, expect, it } from 'vitest';
import { sampleOrgUnits } from '../../tests/fixtures/rosterOrg';
import { DEFAULT_MATTER_CATEGORIES, DEFAULT_MATTER_CHANNELS, matterSchema } from '../domain/matter';
import {
  datesNamed,
  hasBadCharacters,
  importMatterRows,
  matterIdentity,
  type MatterImportContext,
} from './importMatters';
import { TEMPLATE_HEADERS } from './importHeaders';

const HEADER = TEMPLATE_HEADERS.map(([, h]) => h);
const context: MatterImportContext = {
  orgUnits: sampleOrgUnits(),
  categories: DEFAULT_MATTER_CATEGORIES,
  channels: DEFAULT_MATTER_CHANNELS,
  roster: [{ id: 'person-1', name: '王秀兰', phone: '13905461234' }],
  storedKeys: new Set(),
  today: '2026-12-03',
};

/** A row in template order: date, raiser, phone, org, address, category, title, description, channel, urgency, path. */
function row(overrides: Partial<Record<string, string>> = {}): string[] {
  const base: Record<string, string> = {
    提出日期: '2026/3/5',
    提出人: '李明',
    电话: '13800000001',
    '所属社区/小区/网格': '帝纱富仕城',
    具体地点: '3号楼',
    类别: '停车',
    事项标题: '消防通道被私家车占用',
    内容描述: '晚上经常堵',
    渠道: '微信说事群',
    紧急程度: '紧急',
    办理方式: '待办件',
  };
  return HEADER.map((h) => overrides[h] ?? base[h] ?? '');
}

describe('importMatterRows', () => {
  it('reads a good row into a matter the schema accepts', () => {
    const result = importMatterRows([HEADER, row()], context);
    expect(result.tableProblem).toBeNull();
    const [first] = result.rows;
    expect(first?.verdict).toBe('ok');
    expect(first?.row).toBe(2);
    expect(first?.matter).toMatchObject({
      orgUnitId: 'p1',
      raisedAt: '2026-03-05',
      category: '停车',
      channel: '微信说事群',
      urgency: 'urgent',
      path: 'pending',
      raisedBy: { kind: 'oneOff', name: '李明', phone: '13800000001' },
    });
    const stored = { ...first!.matter!, id: 'x', alsoRaisedBy: [], createdAt: 'now', updatedAt: 'now' };
    expect(matterSchema.safeParse(stored).success).toBe(true);
  });

  it('finds the header under a title line and tolerates decorated header spellings', () => {
    const header = [
      '序号',
      '反映日期*',
      ' 反映人 ',
      '联系电话',
      '所属小区',
      '所属网格',
      '问题类别',
      '反映问题（必填）',
    ];
    const result = importMatterRows(
      [
        ['胜兴社区居民说事登记表'],
        header,
        ['1', '2026年3月5日', '王秀兰', '', '帝纱富仕城', '第二网格', '绿化', '绿化带遮挡视线'],
      ],
      context,
    );
    expect(result.tableProblem).toBeNull();
    expect(result.rows[0]).toMatchObject({ row: 3, verdict: 'ok' });
    // Channel absent: 其他; the raiser's name matches one roster resident: linked.
    expect(result.rows[0]?.matter).toMatchObject({
      orgUnitId: 'g2',
      channel: '其他',
      raisedBy: { kind: 'resident', personId: 'person-1' },
    });
  });

  it('names what is wrong in every bad row, with the unknown compound and category quoted', () => {
    const result = importMatterRows(
      [
        HEADER,
        row({ '所属社区/小区/网格': '幸福小区', 类别: '吵架' }),
        row({ 提出日期: '2026/2/30', 事项标题: '' }),
        row({ 提出日期: '2027/1/1' }),
        row({ 电话: '12345', 紧急程度: '火急', 办理方式: '马上办', 渠道: '抖音' }),
        row({ '所属社区/小区/网格': '第一网格' }),
      ],
      context,
    );
    const codes = result.rows.map((r) => r.reasons);
    expect(codes[0]).toEqual([
      { code: 'unknownOrgUnit', value: '幸福小区' },
      { code: 'unknownCategory', value: '吵架' },
    ]);
    expect(codes[1]).toEqual([{ code: 'titleMissing' }, { code: 'dateInvalid', value: '2026/2/30' }]);
    expect(codes[2]).toEqual([{ code: 'dateInFuture', value: '2027/1/1' }]);
    expect(codes[3]).toEqual([
      { code: 'unknownChannel', value: '抖音' },
      { code: 'urgencyInvalid', value: '火急' },
      { code: 'pathInvalid', value: '马上办' },
      { code: 'phoneInvalid', value: '12345' },
    ]);
    expect(codes[4]).toEqual([{ code: 'ambiguousOrgUnit', value: '第一网格', count: 2 }]);
    expect(result.rows.every((r) => r.verdict === 'error' && r.matter === undefined)).toBe(true);
  });

  it('reports duplicates within the file and against stored matters', () => {
    const stored = matterIdentity({
      raisedBy: { kind: 'oneOff', name: '赵强' },
      title: '路灯不亮',
      raisedAt: '2026-03-06',
    });
    const result = importMatterRows(
      [
        HEADER,
        row(),
        row({ 提出日期: '46086' }),
        row({ 提出人: '赵强', 事项标题: '路灯不亮', 提出日期: '2026-03-06' }),
      ],
      { ...context, storedKeys: new Set([stored]) },
    );
    expect(result.rows.map((r) => r.verdict)).toEqual(['ok', 'duplicate', 'duplicate']);
    expect(result.rows[1]?.reasons).toEqual([{ code: 'duplicateInFile', firstRow: 2 }]);
    expect(result.rows[2]?.reasons).toEqual([{ code: 'duplicateStored' }]);
  });

  it('refuses oversized cells, markup and noncharacters by column', () => {
    const result = importMatterRows(
      [
        HEADER,
        row({ 事项标题: '长'.repeat(101) }),
        row({ 内容描述: '<script>alert(1)</script>' }),
        row({ 具体地点: '3号楼\uFFFE' }),
        row({ 事项标题: '坏\u0001字' }),
      ],
      context,
    );
    expect(result.rows.map((r) => r.reasons[0])).toEqual([
      { code: 'cellTooLong', column: '事项标题', max: 100 },
      { code: 'unsafeText', column: '内容描述' },
      { code: 'badCharacters', column: '具体地点' },
      { code: 'badCharacters', column: '事项标题' },
    ]);
  });

  it('reads formulas kept as text and a formula-neutralised title as typed', () => {
    const result = importMatterRows([HEADER, row({ 事项标题: "'=楼道堆物" })], context);
    expect(result.rows[0]?.matter?.title).toBe('=楼道堆物');
  });

  it('reads anonymous raisers and a huge number in the date column as an invalid date', () => {
    const result = importMatterRows(
      [HEADER, row({ 提出人: '', 电话: '' }), row({ 提出日期: '1000000000000000000000' })],
      context,
    );
    expect(result.rows[0]?.matter?.raisedBy).toEqual({ kind: 'anonymous' });
    expect(result.rows[1]?.reasons[0]?.code).toBe('dateInvalid');
  });

  it('says so for the whole table when it cannot be read', () => {
    expect(importMatterRows([], context).tableProblem).toEqual({ code: 'emptyFile' });
    expect(importMatterRows([['', ' ']], context).tableProblem).toEqual({ code: 'emptyFile' });
    expect(
      importMatterRows(
        [
          ['姓名', '电话'],
          ['张三', '1'],
        ],
        context,
      ).tableProblem,
    ).toEqual({
      code: 'titleHeaderMissing',
    });
    expect(
      importMatterRows(
        [
          ['事项标题', '提出人'],
          ['路灯', '张三'],
        ],
        context,
      ).tableProblem,
    ).toEqual({
      code: 'columnsMissing',
      columns: '提出日期、所属社区/小区/网格、类别',
    });
    expect(importMatterRows([HEADER, [], ['', '']], context).tableProblem).toEqual({ code: 'noDataRows' });
  });

  it('refuses a sheet of 50,000 rows as a whole, before reading any row', () => {
    const table = [HEADER, ...Array.from({ length: 50_000 }, () => row())];
    expect(importMatterRows(table, context)).toEqual({
      tableProblem: { code: 'tooManyRows', max: 10_000, count: 50_000 },
      rows: [],
    });
  });

  it('skips blank rows but keeps sheet row numbers', () => {
    const result = importMatterRows([HEADER, [], row(), ['', '', ''], row({ 事项标题: '路灯不亮' })], context);
    expect(result.rows.map((r) => r.row)).toEqual([3, 5]);
  });

  it('lists the dates a table names, for looking up stored duplicates by index', () => {
    expect(datesNamed([HEADER, row(), row({ 提出日期: '2026年3月6日' }), row({ 提出日期: 'x' })]).sort()).toEqual([
      '2026-03-05',
      '2026-03-06',
    ]);
  });
});

describe('hasBadCharacters', () => {
  it('finds control characters, lone surrogates and noncharacters, and passes ordinary text', () => {
    expect(hasBadCharacters('正常文字 line\nbreak\ttab 😀')).toBe(false);
    for (const bad of ['\u0000', '\u001b', '\ud800', '\udc00x', '\ufdd0', '\uffff', '\u{1fffe}', '\u{10ffff}'])
      expect(hasBadCharacters(`a${bad}b`), JSON.stringify(bad)).toBe(true);
  });
});
