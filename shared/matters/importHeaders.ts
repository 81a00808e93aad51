import { cleanCell } from '../roster/headers';

/**
 * The columns of a matters register (说事登记表) the importer understands, and the header
 * spellings communities use for them. The org column comes in kinds because sheets carry 所属社区,
 * 所属小区 and 所属网格 side by side, and together they locate a grid.
 */
export type MatterField =
  | 'raisedAt'
  | 'raiser'
  | 'phone'
  | 'org'
  | 'community'
  | 'compound'
  | 'grid'
  | 'address'
  | 'category'
  | 'title'
  | 'description'
  | 'channel'
  | 'urgency'
  | 'path';

const HEADER_ALIASES: Record<MatterField, readonly string[]> = {
  raisedAt: ['提出日期', '日期', '反映日期', '登记日期', '提出时间', '反映时间', '受理日期', '说事日期'],
  raiser: ['提出人', '反映人', '姓名', '居民姓名', '诉求人', '来访人', '说事人', '提出人姓名', '反映人姓名'],
  phone: ['电话', '联系电话', '手机', '手机号', '手机号码', '联系方式', '电话号码'],
  org: ['所属社区/小区/网格', '社区/小区/网格', '所属小区/网格', '小区/网格', '所属单位', '所属组织'],
  community: ['所属社区', '社区', '社区名称'],
  compound: ['所属小区', '小区', '小区名称'],
  grid: ['所属网格', '网格', '网格名称'],
  address: ['具体地点', '地点', '地址', '详细地址', '发生地点', '位置'],
  category: ['类别', '事项类别', '问题类别', '类型', '分类', '问题类型'],
  title: ['事项标题', '标题', '事项', '事项名称', '问题', '反映问题', '诉求事项', '主要问题'],
  description: ['内容描述', '具体情况', '内容', '描述', '详细内容', '问题描述', '诉求内容', '情况说明'],
  channel: ['渠道', '来源渠道', '来源', '反映渠道', '说事渠道'],
  urgency: ['紧急程度', '紧急', '缓急程度', '缓急'],
  path: ['办理方式', '处理方式', '分类处理', '件别', '事项分类'],
};

/** The template's headers, in its column order; each is also an accepted alias. */
export const TEMPLATE_HEADERS: ReadonlyArray<readonly [MatterField, string]> = [
  ['raisedAt', '提出日期'],
  ['raiser', '提出人'],
  ['phone', '电话'],
  ['org', '所属社区/小区/网格'],
  ['address', '具体地点'],
  ['category', '类别'],
  ['title', '事项标题'],
  ['description', '内容描述'],
  ['channel', '渠道'],
  ['urgency', '紧急程度'],
  ['path', '办理方式'],
];

const BY_ALIAS = new Map<string, MatterField>(
  (Object.entries(HEADER_ALIASES) as [MatterField, readonly string[]][]).flatMap(([field, aliases]) =>
    aliases.map((alias) => [alias, field] as const),
  ),
);

/** Strips what people decorate headers with: spaces, required-marks, colons, "（必填）" notes. */
export function matchMatterHeader(raw: string): MatterField | null {
  const header = cleanCell(raw)
    .normalize('NFKC')
    .replace(/[\s*:]/g, '')
    .replace(/\([^)]*\)$/, '');
  return BY_ALIAS.get(header) ?? null;
}
