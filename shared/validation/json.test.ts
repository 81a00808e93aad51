import { describe, expect, it } from 'vitest';
import { boundedJsonObject, boundedJsonValue, jsonFault, MAX_JSON_DEPTH } from './json';

/** `levels` objects, each holding the next under "content" (as Tiptap nests nodes). */
function nested(levels: number, leaf: unknown = 'x'): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  let node = root;
  for (let i = 1; i < levels; i++) {
    const child: Record<string, unknown> = {};
    node.content = child;
    node = child;
  }
  node.text = leaf;
  return root;
}

describe('jsonFault', () => {
  it('accepts plain JSON data up to the depth limit', () => {
    expect(jsonFault({ type: 'doc', content: [{ type: 'text', text: '议', n: 1e308, ok: true, none: null }] })).toBe(
      null,
    );
    expect(jsonFault(nested(MAX_JSON_DEPTH))).toBe(null);
  });

  it('refuses nesting past the limit, however deep, without using the stack', () => {
    expect(jsonFault(nested(MAX_JSON_DEPTH + 1))).toEqual({ kind: 'tooDeep', max: MAX_JSON_DEPTH });
    expect(jsonFault(nested(100_000))).toEqual({ kind: 'tooDeep', max: MAX_JSON_DEPTH });
    expect(jsonFault(JSON.parse('['.repeat(100_000) + ']'.repeat(100_000)))).toMatchObject({ kind: 'tooDeep' });
  });

  it('refuses what JSON cannot hold or would not keep', () => {
    expect(jsonFault({ n: Infinity })).toEqual({ kind: 'notFinite' });
    expect(jsonFault(JSON.parse('{"n": 1e400}'))).toEqual({ kind: 'notFinite' });
    expect(jsonFault({ n: NaN })).toEqual({ kind: 'notFinite' });
    expect(jsonFault(JSON.parse('{"a": {"__proto__": {"polluted": true}}}'))).toEqual({ kind: 'protoKey' });
    expect(jsonFault(undefined)).toEqual({ kind: 'notJson' });
    expect(jsonFault({ d: new Date(0) })).toEqual({ kind: 'notJson' });
    expect(jsonFault({ f: () => 1 })).toEqual({ kind: 'notJson' });
    expect(jsonFault({ b: 1n })).toEqual({ kind: 'notJson' });
  });

  it('lets undefined members and elements through, as JSON and the fingerprint ignore them alike', () => {
    // The editor may leave an attribute undefined: the secretary's words must still be saved.
    expect(jsonFault({ type: 'mention', attrs: { id: 'p1', label: undefined } })).toBe(null);
    expect(jsonFault([1, undefined, , 3])).toBe(null); // eslint-disable-line no-sparse-arrays
  });

  it('counts values against the size limit', () => {
    expect(
      jsonFault(
        Array.from({ length: 100 }, () => 0),
        { maxDepth: 5, maxNodes: 100 },
      ),
    ).toEqual({
      kind: 'tooMany',
      max: 100,
    });
    expect(
      jsonFault(
        Array.from({ length: 99 }, () => 0),
        { maxDepth: 5, maxNodes: 100 },
      ),
    ).toBe(null);
  });
});

describe('bounded JSON schemas', () => {
  it('return the value as read: the same object, keys in their order, nothing copied', () => {
    const doc = { type: 'doc', content: [{ type: 'paragraph' }], '\uFFFE': '\uFFFE' };
    const parsed = boundedJsonObject().parse(doc);
    expect(parsed).toBe(doc);
    expect(boundedJsonValue().parse(doc.content)).toBe(doc.content);
  });

  it('refuse a non-object document and faulty content', () => {
    expect(boundedJsonObject().safeParse([]).success).toBe(false);
    expect(boundedJsonObject().safeParse(null).success).toBe(false);
    expect(boundedJsonObject().safeParse(nested(10_000)).success).toBe(false);
    expect(boundedJsonValue().safeParse(undefined).success).toBe(false);
    expect(boundedJsonValue().optional().safeParse(undefined).success).toBe(true);
  });
});
