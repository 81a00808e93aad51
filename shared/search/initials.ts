/**
 * Pinyin initials of a name for the archive search (张丽华 → zlh), worked out with the platform's
 * Chinese collation, which orders Han characters by their pinyin: a character's initial is that of
 * the last boundary character sorting before it. The roster uses pinyin-pro (shared/pinyin.ts),
 * whose dictionary is 137 KiB of the start-up's JavaScript once compressed; the search index is
 * written from the first screen on, so it must not need it. The two agree on about 97 % of
 * characters; the rest are readings of polyphones and rare characters (翟 as dí, not zhái).
 */

const BOUNDARIES: readonly (readonly [string, string])[] = [
  ['a', '阿'],
  ['b', '八'],
  ['c', '嚓'],
  ['d', '哒'],
  ['e', '妸'],
  ['f', '发'],
  ['g', '旮'],
  ['h', '哈'],
  ['j', '讥'],
  ['k', '咔'],
  ['l', '垃'],
  ['m', '妈'],
  ['n', '拏'],
  ['o', '噢'],
  ['p', '妑'],
  ['q', '七'],
  ['r', '呥'],
  ['s', '仨'],
  ['t', '他'],
  ['w', '屲'],
  ['x', '夕'],
  ['y', '丫'],
  ['z', '帀'],
];

const HAN = /\p{Script=Han}/u;
let collator: Intl.Collator | undefined;

function initialOf(ch: string): string {
  if (!HAN.test(ch)) return /[a-z]/i.test(ch) ? ch.toLowerCase() : '';
  collator ??= new Intl.Collator('zh-CN');
  let initial = '';
  for (const [letter, first] of BOUNDARIES) {
    if (collator.compare(ch, first) < 0) break;
    initial = letter;
  }
  return initial;
}

/** Lower-case initials of a name's characters (Latin letters kept, anything else dropped). */
export function nameInitials(name: string): string {
  let out = '';
  for (const ch of name.trim()) out += initialOf(ch);
  return out.slice(0, 60);
}
