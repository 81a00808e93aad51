import { fieldName, type PathRoot } from './fieldNames';

/**
 * Where a value as read differs from its validated form (zod trims text and leaves unknown keys
 * out): for refusing a signed record that is not stored exactly as it was signed, with a reason a
 * person can find in the file ("第2项决定的完成标准前后有多余的空格").
 */

export interface Difference {
  /** Keys from the top of the compared value. */
  path: Array<string | number>;
  /** A Chinese sentence (no full stop). */
  message: string;
}

const MAX_KEY_SHOWN = 40;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The words after the field's name for two leaves that differ. */
function leafWords(raw: unknown, validated: unknown): string {
  if (typeof raw === 'string' && typeof validated === 'string' && raw.trim() === validated) return '前后有多余的空格';
  return '不是规范的形式';
}

/**
 * The first place `raw` and `validated` differ, walking both without recursion; null when they
 * hold the same data. A key only in `raw` is named, in quotes, so it can be found in the file.
 */
export function firstDifference(
  raw: unknown,
  validated: unknown,
  root: PathRoot = { kind: 'record' },
  prefix: Array<string | number> = ['record'],
): Difference | null {
  const stack: Array<{ raw: unknown; validated: unknown; path: Array<string | number> }> = [
    { raw, validated, path: [] },
  ];
  const say = (path: Array<string | number>, words: string): Difference => {
    const field = fieldName(path, root);
    return { path: [...prefix, ...path], message: `${field || '记录'}${words}` };
  };
  while (stack.length > 0) {
    const at = stack.pop()!;
    if (Object.is(at.raw, at.validated)) continue;
    if (!isObject(at.raw) || !isObject(at.validated) || Array.isArray(at.raw) !== Array.isArray(at.validated)) {
      if (at.raw === at.validated || (at.raw === 0 && at.validated === 0)) continue;
      return say(at.path, leafWords(at.raw, at.validated));
    }
    const rawKeys = Object.keys(at.raw).filter((k) => (at.raw as Record<string, unknown>)[k] !== undefined);
    const extra = rawKeys.find((k) => !Object.hasOwn(at.validated as object, k));
    if (extra !== undefined) return say(at.path, `含有多余的内容（“${extra.slice(0, MAX_KEY_SHOWN)}”）`);
    const validatedKeys = Object.keys(at.validated).filter(
      (k) => (at.validated as Record<string, unknown>)[k] !== undefined,
    );
    if (validatedKeys.length !== rawKeys.length) return say(at.path, '不是规范的形式');
    for (let i = rawKeys.length - 1; i >= 0; i--) {
      const key = rawKeys[i]!;
      stack.push({
        raw: at.raw[key],
        validated: at.validated[key],
        path: [...at.path, Array.isArray(at.raw) ? Number(key) : key],
      });
    }
  }
  return null;
}
