import { CHAR } from './style';
import { decimal, type ListDefinition } from './wml';

/**
 * numbering.xml for the lists of the minutes: one abstract definition per kind (bullets; numbers
 * from a given start) and one w:num per list, restarting every level, so each list in the 纪要
 * counts from its own start and never continues the one before it.
 */

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const LEVELS = [0, 1, 2, 3, 4, 5, 6, 7, 8];
/** The largest number a list can start from in Word (its 起始编号 goes to 32767). */
export const MAX_LIST_START = 32767;

/** Like 正文: the first line two characters in, the lines after back at the list's own left edge. */
function levelIndent(level: number): string {
  return `<w:pPr><w:ind w:left="${decimal(level * 2 * CHAR)}" w:firstLine="${decimal(2 * CHAR)}"/></w:pPr>`;
}

/**
 * Chinese official numbering under the headings: 1. → （1） → a. → and round again, the text right
 * after the number; a space after "1." or "a." in a list whose items begin with digits, so 1.12月
 * reads 1. 12月 (the brackets of （1） separate already).
 */
function orderedLevel(level: number, start: number, separated: boolean): string {
  const kind = level % 3;
  const text = kind === 1 ? `（%${level + 1}）` : `%${level + 1}.`;
  const format = kind === 2 ? 'lowerLetter' : 'decimal';
  const suffix = separated && kind !== 1 ? 'space' : 'nothing';
  return (
    `<w:lvl w:ilvl="${level}"><w:start w:val="${decimal(start, 0, MAX_LIST_START)}"/><w:numFmt w:val="${format}"/><w:suff w:val="${suffix}"/>` +
    `<w:lvlText w:val="${text}"/><w:lvlJc w:val="left"/>${levelIndent(level)}</w:lvl>`
  );
}

function bulletLevel(level: number): string {
  const bullet = ['•', '◦', '▪'][level % 3] as string;
  return (
    `<w:lvl w:ilvl="${level}"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:suff w:val="space"/>` +
    `<w:lvlText w:val="${bullet}"/><w:lvlJc w:val="left"/>${levelIndent(level)}</w:lvl>`
  );
}

function kindOf(list: ListDefinition): string {
  return list.ordered ? `ordered-${list.start}${list.separated ? '-separated' : ''}` : 'bullet';
}

export function numberingXml(lists: readonly ListDefinition[]): string {
  const unique = [...new Map(lists.map((l) => [l.numId, l])).values()].sort((a, b) => a.numId - b.numId);
  const abstractIds = new Map<string, number>();
  let abstracts = '';
  for (const list of unique) {
    const kind = kindOf(list);
    if (abstractIds.has(kind)) continue;
    const id = abstractIds.size + 1;
    abstractIds.set(kind, id);
    const levels = LEVELS.map((l) =>
      list.ordered ? orderedLevel(l, list.start, list.separated === true) : bulletLevel(l),
    ).join('');
    abstracts += `<w:abstractNum w:abstractNumId="${id}"><w:multiLevelType w:val="hybridMultilevel"/>${levels}</w:abstractNum>`;
  }
  const nums = unique
    .map((list) => {
      const start = list.ordered ? list.start : 1;
      // A list is drawn at one level only (its depth), so every level starts at the list's start.
      const overrides = LEVELS.map(
        (l) =>
          `<w:lvlOverride w:ilvl="${l}"><w:startOverride w:val="${decimal(start, 0, MAX_LIST_START)}"/></w:lvlOverride>`,
      ).join('');
      return `<w:num w:numId="${decimal(list.numId, 0)}"><w:abstractNumId w:val="${abstractIds.get(kindOf(list))}"/>${overrides}</w:num>`;
    })
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="${W}">${abstracts}${nums}</w:numbering>`;
}
