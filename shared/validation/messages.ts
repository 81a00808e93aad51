import { z } from 'zod';
import { fieldName, type PathRoot } from './fieldNames';

export type { PathRoot } from './fieldNames';

/**
 * zod issues as Chinese sentences a secretary can act on: "第1次表决的同意票数应为数字",
 * "第2项决定的完成时限不是有效日期", "会议名称不能为空". One module for every place a validation
 * problem reaches the user (meeting file import, backup restore, amendments): the field is named
 * in words (fieldNames.ts), the problem is said from the issue's code and limits, and only what
 * this module does not know falls back to zod's zh-CN locale. zod's English message and the path
 * of keys are never part of the sentence.
 *
 * Usage: `validationMessage(result.error.issues[0], { root: { kind: 'record' }, input })`, where
 * `input` is the value that was parsed (it tells a missing field from one of the wrong type).
 */

type Issue = z.core.$ZodIssue;

export interface MessageOptions {
  /** Where the issue's path starts. */
  root: PathRoot;
  /** The value that was parsed, to see what a field held (zod keeps inputs out of issues). */
  input?: unknown;
}

/** Set on a custom issue whose message continues the field's name ("…嵌套层数过多"). */
export const PREDICATE_PARAM = 'yishiPredicate';

const zhCN = z.locales.zhCN().localeError;

const DATE_PATTERN = '\\d{4}-\\d{2}-\\d{2}';
const HEX64_PATTERN = '[0-9a-f]{64}';

/** The value at a path, read only through own properties (a key "__proto__" is just a key). */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    if (!Object.hasOwn(value, key)) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

const TYPE_WORDS: Record<string, string> = {
  number: '应为数字',
  int: '应为整数',
  string: '应为文字',
  boolean: '应为“是”或“否”',
  array: '应为一组内容（列表）',
  object: '格式不对',
  record: '格式不对',
  null: '应为空',
};

function invalidType(issue: Extract<Issue, { code: 'invalid_type' }>, received: unknown): string {
  if (received === undefined) return '缺失';
  if (issue.expected === 'int' && typeof received === 'number') return '应为整数';
  if (received === null) return '不能为空值';
  return TYPE_WORDS[issue.expected] ?? '格式不对';
}

function tooSmall(issue: Extract<Issue, { code: 'too_small' }>): string {
  const min = Number(issue.minimum);
  switch (issue.origin) {
    case 'string':
      return min <= 1 ? '不能为空' : `至少要有${min}个字`;
    case 'array':
    case 'set':
      return min <= 1 ? '至少要有一项' : `至少要有${min}项`;
    default:
      return issue.inclusive ? `不能小于${min}` : `应大于${min}`;
  }
}

function tooBig(issue: Extract<Issue, { code: 'too_big' }>): string {
  const max = Number(issue.maximum);
  switch (issue.origin) {
    case 'string':
      return `不能超过${max}个字`;
    case 'array':
    case 'set':
      return `不能超过${max}项`;
    default:
      if (max >= Number.MAX_SAFE_INTEGER) return '过大';
      return issue.inclusive ? `不能大于${max}` : `应小于${max}`;
  }
}

function invalidFormat(issue: Extract<Issue, { code: 'invalid_format' }>): string {
  const pattern = 'pattern' in issue && typeof issue.pattern === 'string' ? issue.pattern : '';
  if (issue.format === 'datetime') return '不是有效的时间';
  if (issue.format === 'date' || pattern.includes(DATE_PATTERN)) return '不是有效日期（应为“年-月-日”，如 2026-12-10）';
  if (pattern.includes(HEX64_PATTERN)) return '应为64位数字和小写字母a至f';
  return '格式不对';
}

/**
 * A union (e.g. 责任人: a roster person or a name typed in) reports one list of issues per
 * option. The option whose tag matched is the one meant; its first issue says what is wrong.
 */
function unionBranch(issue: Extract<Issue, { code: 'invalid_union' }>): Issue | null {
  const meant = issue.errors.filter((branch) => !branch.some((i) => i.code === 'invalid_value' && i.path.length === 1));
  const first = meant.length === 1 ? meant[0]![0] : undefined;
  return first ? { ...first, path: [...issue.path, ...first.path] } : null;
}

const hasChinese = (text: string) => /[\u4e00-\u9fff]/.test(text);

/** What is wrong, to follow the field's name; or a whole sentence of zod's zh-CN locale. */
function problemWords(issue: Issue, received: unknown): { words: string; sentence?: boolean } {
  switch (issue.code) {
    case 'invalid_type':
      return { words: invalidType(issue, received) };
    case 'too_small':
      return { words: tooSmall(issue) };
    case 'too_big':
      return { words: tooBig(issue) };
    case 'invalid_format':
      return { words: invalidFormat(issue) };
    case 'invalid_value':
      return { words: received === undefined ? '缺失' : '不是可选的值' };
    case 'unrecognized_keys':
      return { words: '含有不认识的内容' };
    case 'invalid_union':
      return { words: received === undefined ? '缺失' : '格式不对' };
    case 'custom': {
      if (issue.params?.[PREDICATE_PARAM]) return { words: issue.message };
      return hasChinese(issue.message) ? { words: issue.message, sentence: true } : { words: '不符合要求' };
    }
    default: {
      const fallback = zhCN({ ...issue, input: received } as z.core.$ZodRawIssue);
      const text = typeof fallback === 'string' ? fallback : (fallback?.message ?? '无效输入');
      return { words: text, sentence: true };
    }
  }
}

/** One zod issue as a Chinese sentence (no full stop): field in words, then what is wrong. */
export function validationMessage(issue: Issue, options: MessageOptions): string {
  const inner = issue.code === 'invalid_union' ? unionBranch(issue) : null;
  if (inner) return validationMessage(inner, options);
  const received = 'input' in issue ? issue.input : valueAt(options.input, issue.path);
  const field = fieldName(
    issue.path.map((k) => (typeof k === 'number' ? k : String(k))),
    options.root,
  );
  const { words, sentence } = problemWords(issue, received);
  if (sentence) return field ? `${field}：${words}` : words;
  return `${field || '内容'}${words}`;
}

/** The first issue of a failed parse, as validationMessage says it. */
export function firstIssueMessage(error: z.ZodError, options: MessageOptions): string {
  const issue = error.issues[0];
  return issue ? validationMessage(issue, options) : '内容不符合要求';
}
