import { z } from 'zod';

/**
 * A quick yes for values a zod schema accepts unchanged, built once per schema from its
 * definition, without `new Function` (the app's Content-Security-Policy forbids it, so zod runs
 * its slow, interpreted path there: ~2 µs a row, 3.3 s of checking a ten-year backup).
 *
 * `true` means: zod would accept the value, and what it would give back is equal to the value
 * itself (no key stripped, no default filled, no caught or transformed value). `false` means
 * only "ask zod": the caller then runs zod as before, so every refusal, every message and every
 * value zod would change stay exactly zod's. The fast path builds nothing: where a node is not
 * one of the few kinds modelled here, zod itself runs that node and the answer is yes only when
 * it hands back the very same value.
 *
 * It reads zod's internal definitions (`_zod`), which a zod upgrade may change: fastCheck.test.ts
 * holds it to zod's own answers on every stored table's rows and on damaged copies of them.
 */
export type FastCheck = (value: unknown) => boolean;

/** The parts of zod's internals read here (zod v4's `_zod`). */
interface ZodInternals {
  def: {
    type: string;
    coerce?: boolean;
    checks?: ZodNode[];
    shape?: Record<string, ZodNode>;
    catchall?: ZodNode;
    element?: ZodNode;
    innerType?: ZodNode;
    options?: ZodNode[];
    discriminator?: string;
    unionFallback?: boolean;
    inclusive?: boolean;
    when?: (payload: Payload) => boolean;
  };
  traits: Set<string>;
  values?: Set<unknown>;
  propValues?: Record<string, Set<unknown>>;
  optin?: string;
  optout?: string;
  check?: (payload: Payload) => unknown;
  run: (payload: Payload, ctx: { async: boolean }) => Payload | Promise<Payload>;
}
interface ZodNode {
  _zod: ZodInternals;
}
interface Payload {
  value: unknown;
  issues: unknown[];
}

const compiled = new WeakMap<object, FastCheck>();

export function fastCheckOf(schema: z.ZodType): FastCheck {
  return compile(schema as unknown as ZodNode);
}

function compile(node: ZodNode): FastCheck {
  let check = compiled.get(node);
  if (!check) {
    check = withChecks(node, baseCheck(node));
    compiled.set(node, check);
  }
  return check;
}

/** The node's own type, without its checks (min, max, formats, refinements). */
function baseCheck(node: ZodNode): FastCheck {
  const { def } = node._zod;
  if (def.coerce) return byZod(node);
  switch (def.type) {
    case 'string':
      return (v) => typeof v === 'string';
    case 'number':
      return (v) => typeof v === 'number' && Number.isFinite(v);
    case 'boolean':
      return (v) => typeof v === 'boolean';
    case 'null':
      return (v) => v === null;
    case 'unknown':
    case 'any':
      return () => true;
    case 'enum':
    case 'literal': {
      const values = node._zod.values;
      return values ? (v) => values.has(v) : byZod(node);
    }
    case 'optional':
      return optionalCheck(node);
    case 'nullable': {
      const inner = compile(def.innerType!);
      return (v) => v === null || inner(v);
    }
    case 'catch':
      // A value its inner schema accepts is never replaced by the fallback.
      return compile(def.innerType!);
    case 'array': {
      const element = compile(def.element!);
      return (v) => {
        if (!Array.isArray(v)) return false;
        for (let i = 0; i < v.length; i++) if (!element(v[i])) return false;
        return true;
      };
    }
    case 'object':
      return objectCheck(node) ?? byZod(node);
    case 'union':
      return def.discriminator === undefined ? unionCheck(node) : (taggedUnionCheck(node) ?? byZod(node));
    default:
      return byZod(node);
  }
}

function optionalCheck(node: ZodNode): FastCheck {
  const innerType = node._zod.def.innerType!;
  // An inner default fills in absence: not the value given.
  if (innerType._zod.optin === 'defaulted') return byZod(node);
  const inner = compile(innerType);
  // An exact optional may be absent, but undefined is a value it judges like any other.
  if (node._zod.traits.has('$ZodExactOptional')) return inner;
  return (v) => v === undefined || inner(v);
}

/**
 * Every key of the shape checked; a key the shape lacks is a no (zod would strip it, or refuse
 * it), unless the object keeps unknown keys as they are.
 */
function objectCheck(node: ZodNode): FastCheck | null {
  const { shape, catchall } = node._zod.def;
  if (!shape || Object.getOwnPropertySymbols(shape).length > 0) return null;
  const keys = Object.keys(shape);
  if (keys.includes('__proto__')) return null;
  const fields = keys.map((key) => {
    const field = shape[key]!;
    return {
      key,
      check: compile(field),
      // Absent, it stays absent in zod's result only when both sides of it are optional.
      mayBeAbsent: field._zod.optin === 'optional' && field._zod.optout === 'optional',
      onPrototype: key in Object.prototype,
    };
  });
  const keepsOthers = catchall !== undefined && ['unknown', 'any'].includes(catchall._zod.def.type);
  if (catchall !== undefined && !keepsOthers) return null;
  return (v) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
    const row = v as Record<string, unknown>;
    // A plain object (every row JSON.parse gives) holds a value other than undefined under a key
    // Object.prototype lacks only as its own: one read per field instead of `in` and hasOwnProperty
    // (a ten-year backup's check: 1.6 million rows).
    const plain = Object.getPrototypeOf(row) === Object.prototype;
    let present = 0;
    for (let i = 0; i < fields.length; i++) {
      const field = fields[i]!;
      const value = row[field.key];
      if (!plain || value === undefined || field.onPrototype) {
        if (!(field.key in row)) {
          if (!field.mayBeAbsent) return false;
          continue;
        }
        if (!Object.prototype.hasOwnProperty.call(row, field.key)) return false;
      }
      present++;
      if (!field.check(value)) return false;
    }
    if (keepsOthers) return !Object.prototype.hasOwnProperty.call(row, '__proto__');
    return Object.keys(row).length === present;
  };
}

/**
 * Zod gives back the first option that accepts the value: a yes from option k counts only when
 * zod itself refuses every option before it (usually none: k is the first).
 */
function unionCheck(node: ZodNode): FastCheck {
  const { options, inclusive } = node._zod.def;
  // An exclusive union (z.xor) wants exactly one option to accept.
  if (!options || options.length === 0 || inclusive === false) return byZod(node);
  const checks = options.map(compile);
  return (v) => {
    for (let k = 0; k < checks.length; k++) {
      if (!checks[k]!(v)) continue;
      for (let j = 0; j < k; j++) if (zodAccepts(options[j]!, v)) return false;
      return true;
    }
    return false;
  };
}

/** A discriminated union: zod runs only the option its tag names, so that option's yes is the answer. */
function taggedUnionCheck(node: ZodNode): FastCheck | null {
  const { options, discriminator, unionFallback } = node._zod.def;
  if (!options || discriminator === undefined || unionFallback) return null;
  const byTag = new Map<unknown, FastCheck | null>();
  for (const option of options) {
    const tags = option._zod.propValues?.[discriminator];
    if (!tags) return null;
    // A tag two options claim is left to zod.
    for (const tag of tags) byTag.set(tag, byTag.has(tag) ? null : compile(option));
  }
  return (v) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
    const tag = (v as Record<string, unknown>)[discriminator];
    if (tag === undefined) return false;
    const check = byTag.get(tag);
    return check ? check(v) : false;
  };
}

function zodAccepts(node: ZodNode, v: unknown): boolean {
  try {
    const result = node._zod.run({ value: v, issues: [] }, { async: false });
    if (result instanceof Promise) {
      result.catch(() => undefined);
      return true;
    }
    return result.issues.length === 0;
  } catch {
    return true;
  }
}

/** The node's checks, each as zod runs it: any issue, or any check that rewrites the value, is a no. */
function withChecks(node: ZodNode, base: FastCheck): FastCheck {
  const checks = [...(node._zod.traits.has('$ZodCheck') ? [node] : []), ...(node._zod.def.checks ?? [])].map(
    checkPasses,
  );
  if (checks.length === 0) return base;
  if (checks.length === 1) {
    const only = checks[0]!;
    return (v) => base(v) && only(v);
  }
  return (v) => {
    if (!base(v)) return false;
    for (let i = 0; i < checks.length; i++) if (!checks[i]!(v)) return false;
    return true;
  };
}

/** The `when` zod gives its length checks (run on anything with a length); read off a check of its own. */
const RUNS_ON_LENGTH = (z.string().min(1)._zod.def.checks?.[0]?._zod.def as { when?: unknown } | undefined)?.when;

/**
 * One check. The common ones (lengths, bounds, integers, trimming) answer a sure yes inline; any
 * doubt goes to the check itself, run exactly as zod runs it.
 */
function checkPasses(check: ZodNode): FastCheck {
  const def = check._zod.def as ZodInternals['def'] & CheckDef;
  const asZod: FastCheck = (v) => {
    const payload: Payload = { value: v, issues: [] };
    if (def.when && !def.when(payload)) return true;
    const result = check._zod.check?.(payload);
    if (result instanceof Promise) {
      result.catch(() => undefined);
      return false;
    }
    return payload.issues.length === 0 && payload.value === v;
  };
  if (def.when && def.when !== RUNS_ON_LENGTH) return asZod;
  switch (def.check) {
    case 'min_length':
      // A code point is at most two UTF-16 units: twice the floor in units always clears it.
      return (v) =>
        (typeof v === 'string' ? v.length >= 2 * def.minimum! : Array.isArray(v) && v.length >= def.minimum!) ||
        asZod(v);
    case 'max_length':
      return (v) => ((typeof v === 'string' || Array.isArray(v)) && v.length <= def.maximum!) || asZod(v);
    case 'greater_than': {
      const bound = def.value;
      if (typeof bound !== 'number') return asZod;
      return (v) => (typeof v === 'number' && (def.inclusive ? v >= bound : v > bound)) || asZod(v);
    }
    case 'less_than': {
      const bound = def.value;
      if (typeof bound !== 'number') return asZod;
      return (v) => (typeof v === 'number' && (def.inclusive ? v <= bound : v < bound)) || asZod(v);
    }
    case 'number_format':
      return def.format === 'safeint' ? (v) => Number.isSafeInteger(v) || asZod(v) : asZod;
    case 'overwrite':
      // .trim() and the like: a yes for a value they leave as it is.
      return (v) => {
        try {
          return def.tx!(v) === v;
        } catch {
          return false;
        }
      };
    case 'string_format':
      // These formats are their pattern alone (zod's ISO date, time and .regex()).
      if (!(def.pattern instanceof RegExp) || !PATTERN_FORMATS.has(def.format ?? '')) return asZod;
      return (v) => {
        if (typeof v !== 'string') return asZod(v);
        def.pattern!.lastIndex = 0;
        return def.pattern!.test(v) || asZod(v);
      };
    default:
      return asZod;
  }
}

const PATTERN_FORMATS = new Set(['datetime', 'date', 'time', 'regex']);

interface CheckDef {
  check?: string;
  minimum?: number;
  maximum?: number;
  value?: unknown;
  inclusive?: boolean;
  format?: string;
  pattern?: RegExp;
  tx?: (value: unknown) => unknown;
}

/** Zod itself, for a node not modelled above: yes only when it hands back the very same value. */
function byZod(node: ZodNode): FastCheck {
  return (v) => {
    let result: Payload | Promise<Payload>;
    try {
      result = node._zod.run({ value: v, issues: [] }, { async: false });
    } catch {
      return false;
    }
    if (result instanceof Promise) {
      result.catch(() => undefined);
      return false;
    }
    return result.issues.length === 0 && result.value === v;
  };
}
