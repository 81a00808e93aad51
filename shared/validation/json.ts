import { z } from 'zod';
import { PREDICATE_PARAM } from './messages';

/**
 * Free-form JSON inside a record (the minutes' Tiptap document, an amendment's values before and
 * after), checked without recursion before anything recursive (hashing, IndexedDB's structured
 * clone, the Word export) touches it. A crafted file nested ten thousand levels deep, holding
 * Infinity, or a key "__proto__" is refused here with a Chinese reason instead of overflowing
 * the stack later, or being stored as something other than what was read.
 */

/**
 * Levels of nesting allowed. The editor's documents nest a few levels per list level (a node,
 * its content array, the next node); 256 is far beyond any list a person indents, and small
 * enough for every recursive reader of the minutes.
 */
export const MAX_JSON_DEPTH = 256;
/** Values (objects, arrays, strings, numbers…) in one document: far above a day of typing. */
export const MAX_JSON_NODES = 1_000_000;

export type JsonFault =
  | { kind: 'tooDeep'; max: number }
  | { kind: 'tooMany'; max: number }
  | { kind: 'notFinite' }
  | { kind: 'protoKey' }
  | { kind: 'notJson' };

export interface JsonLimits {
  maxDepth: number;
  maxNodes: number;
}

const DEFAULT_LIMITS: JsonLimits = { maxDepth: MAX_JSON_DEPTH, maxNodes: MAX_JSON_NODES };

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * The first reason `value` is not plain, bounded JSON data, or null. Iterative: the depth of the
 * input costs memory on a list, never stack.
 */
export function jsonFault(value: unknown, limits: JsonLimits = DEFAULT_LIMITS): JsonFault | null {
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 1 }];
  let nodes = 0;
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop()!;
    if (++nodes > limits.maxNodes) return { kind: 'tooMany', max: limits.maxNodes };
    if (current === null || typeof current === 'string' || typeof current === 'boolean') continue;
    if (typeof current === 'number') {
      if (!Number.isFinite(current)) return { kind: 'notFinite' };
      continue;
    }
    if (typeof current !== 'object') return { kind: 'notJson' };
    if (depth > limits.maxDepth) return { kind: 'tooDeep', max: limits.maxDepth };
    // An undefined member or element is let through, as everything that reads the value treats
    // it alike (JSON and canonicalJson drop the member and write the element as null): the
    // editor may hand over an attribute left undefined, and its words must still be saved.
    if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--)
        if (current[i] !== undefined) stack.push({ value: current[i], depth: depth + 1 });
      continue;
    }
    if (!isPlainObject(current)) return { kind: 'notJson' };
    for (const key of Object.keys(current)) {
      // JSON.parse makes "__proto__" an own key; copied or assigned anywhere later it would
      // become the object's prototype instead.
      if (key === '__proto__') return { kind: 'protoKey' };
      const child = (current as Record<string, unknown>)[key];
      if (child !== undefined) stack.push({ value: child, depth: depth + 1 });
    }
  }
  return null;
}

/** What is wrong, to follow the field's name ("第1段纪要的内容" + "嵌套层数过多…"). */
export function jsonFaultWords(fault: JsonFault): string {
  switch (fault.kind) {
    case 'tooDeep':
      return `嵌套层数过多（超过${fault.max}层）`;
    case 'tooMany':
      return `内容过多（超过${fault.max}个部分）`;
    case 'notFinite':
      return '含有无效的数字（过大或不是数）';
    case 'protoKey':
      return '含有不允许使用的名称“__proto__”';
    case 'notJson':
      return '含有无法保存的内容';
  }
}

function checkJson(value: unknown, ctx: z.RefinementCtx, limits: JsonLimits): void {
  const fault = jsonFault(value, limits);
  if (fault) ctx.addIssue({ code: 'custom', message: jsonFaultWords(fault), params: { [PREDICATE_PARAM]: true } });
}

/**
 * A JSON object (e.g. a Tiptap document), returned as read: same object, nothing copied or
 * reordered, so what is stored and hashed is exactly what was checked.
 */
export function boundedJsonObject(limits: JsonLimits = DEFAULT_LIMITS) {
  return z
    .custom<Record<string, unknown>>()
    .superRefine((value, ctx) => {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        ctx.addIssue({ code: 'custom', message: '格式不对', params: { [PREDICATE_PARAM]: true } });
        return;
      }
      checkJson(value, ctx, limits);
    })
    .meta({ type: 'object' });
}

/** Any JSON value (an amendment's value before or after), returned as read. */
export function boundedJsonValue(limits: JsonLimits = DEFAULT_LIMITS) {
  return z.custom<unknown>().superRefine((value, ctx) => checkJson(value, ctx, limits));
}
