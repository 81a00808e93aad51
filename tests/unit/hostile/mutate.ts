/** Structural mutations of parsed JSON for the hostile tests. */
import fc from 'fast-check';

export const hostileJsonValue = fc.oneof(
  fc.constantFrom(
    null,
    true,
    false,
    0,
    -1,
    1.5,
    1e308,
    '',
    ' ',
    '<script>alert(1)</script>',
    '2026-13-45T99:99:99Z',
    [],
    {},
    [null],
    { id: 'x' },
  ),
  fc.string({ maxLength: 30 }),
  fc.jsonValue({ maxDepth: 2 }),
);

export type MutationAction = 'replace' | 'delete' | 'add' | 'duplicate';
export const mutationAction = fc.constantFrom<MutationAction>('replace', 'delete', 'add', 'duplicate');

/**
 * Walks `picks` down the tree (each pick chooses a key or index modulo the count) and changes the
 * node where the walk ends: replaces it, deletes it, adds a sibling key, or (in an array)
 * duplicates an element. Returns a changed deep copy.
 */
export function mutateJson(root: unknown, picks: readonly number[], value: unknown, action: MutationAction): unknown {
  const copy = structuredClone(root);
  let node: unknown = copy;
  for (let depth = 0; depth < picks.length; depth++) {
    if (node === null || typeof node !== 'object') break;
    const keys = Object.keys(node);
    if (keys.length === 0) break;
    const key = keys[picks[depth]! % keys.length]!;
    const container = node as Record<string, unknown>;
    const child = container[key];
    if (depth === picks.length - 1 || child === null || typeof child !== 'object') {
      if (action === 'replace') container[key] = value;
      else if (action === 'delete') {
        if (Array.isArray(container)) container.splice(Number(key), 1);
        else delete container[key];
      } else if (action === 'duplicate' && Array.isArray(container)) container.push(structuredClone(child));
      else if (Array.isArray(container)) container.push(value);
      else container[`${key}_x`] = value;
      break;
    }
    node = child;
  }
  return copy;
}

/** Replaces the characters at a random position of the text. */
export function editText(text: string, at: number, replacement: string): string {
  if (text.length === 0) return replacement;
  const i = at % text.length;
  return text.slice(0, i) + replacement + text.slice(i + 1);
}
