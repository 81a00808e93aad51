import { pinyin } from 'pinyin-pro';

/** Lower-case pinyin initials of a Chinese name (张丽华 → zlh); other characters kept as typed. */
export function pinyinInitials(name: string): string {
  const initials = pinyin(name.trim(), { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' });
  return initials.join('').replace(/\s+/g, '').toLowerCase().slice(0, 60);
}
