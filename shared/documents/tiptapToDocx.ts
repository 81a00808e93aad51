import {
  AlignmentType,
  BorderStyle,
  LevelFormat,
  LevelSuffix,
  Paragraph,
  TextRun,
  type ILevelsOptions,
  type IRunOptions,
  type ParagraphChild,
} from 'docx';
import { CHAR, FIRST_LINE_INDENT, FONT, STYLE, font } from './style';

/**
 * A pure walker from the minutes editor's Tiptap JSON (StarterKit + Mention) to docx paragraphs
 * in the document's own styles. The JSON comes from storage and meeting files, so every shape is
 * checked: an unknown node gives its text, never markup or JSON, and nothing here throws.
 */

interface TiptapMark {
  type: string;
  attrs?: Record<string, unknown>;
}

interface TiptapNode {
  type: string;
  attrs: Record<string, unknown>;
  content: unknown[];
  text?: string;
  marks: TiptapMark[];
}

function asNode(value: unknown): TiptapNode | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const attrs = typeof v.attrs === 'object' && v.attrs !== null ? (v.attrs as Record<string, unknown>) : {};
  const marks = Array.isArray(v.marks)
    ? v.marks.filter((m): m is TiptapMark => typeof m === 'object' && m !== null && typeof (m as TiptapMark).type === 'string')
    : [];
  return {
    type: typeof v.type === 'string' ? v.type : '',
    attrs,
    content: Array.isArray(v.content) ? v.content : [],
    ...(typeof v.text === 'string' ? { text: v.text } : {}),
    marks,
  };
}

function children(node: TiptapNode): TiptapNode[] {
  return node.content.map(asNode).filter((n): n is TiptapNode => n !== null);
}

const BLOCK_TYPES = new Set(['doc', 'paragraph', 'heading', 'bulletList', 'orderedList', 'blockquote', 'codeBlock', 'horizontalRule']);

/** What a mention shows: the attendee's name as it was when mentioned. */
function mentionName(node: TiptapNode): string {
  const { label, id } = node.attrs;
  if (typeof label === 'string' && label.trim() !== '') return label;
  return typeof id === 'string' ? id : '';
}

/** The plain text of any node: what an unknown node is reduced to. */
export function tiptapPlainText(value: unknown): string {
  const node = asNode(value);
  if (!node) return '';
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'mention') return mentionName(node);
  if (node.type === 'hardBreak') return '\n';
  const blocky = BLOCK_TYPES.has(node.type) || node.type === 'listItem';
  return children(node)
    .map((c) => tiptapPlainText(c) + (blocky && BLOCK_TYPES.has(c.type) ? '\n' : ''))
    .join('')
    .replace(/\n+$/, '');
}

function runOptionsFor(marks: TiptapMark[], base: IRunOptions): IRunOptions {
  let options: IRunOptions = { ...base };
  for (const mark of marks) {
    if (mark.type === 'bold') options = { ...options, bold: true };
    else if (mark.type === 'italic') options = { ...options, italics: true };
    else if (mark.type === 'underline') options = { ...options, underline: {} };
    else if (mark.type === 'strike') options = { ...options, strike: true };
    else if (mark.type === 'code') options = { ...options, font: { ...font(FONT.mono), eastAsia: FONT.fangSong } };
    else if (mark.type === 'subscript') options = { ...options, subScript: true };
    else if (mark.type === 'superscript') options = { ...options, superScript: true };
    // link, highlight, textStyle: the words are what matters on paper.
  }
  return options;
}

function inlineRuns(nodes: TiptapNode[], base: IRunOptions = {}): ParagraphChild[] {
  const runs: ParagraphChild[] = [];
  for (const node of nodes) {
    if (node.type === 'text') {
      if (node.text) runs.push(new TextRun({ ...runOptionsFor(node.marks, base), text: node.text }));
    } else if (node.type === 'hardBreak') {
      runs.push(new TextRun({ ...base, break: 1 }));
    } else if (node.type === 'mention') {
      const name = mentionName(node);
      if (name) runs.push(new TextRun({ ...runOptionsFor(node.marks, base), text: name }));
    } else {
      const text = tiptapPlainText(node);
      if (text) runs.push(...text.split('\n').map((line, i) => new TextRun({ ...base, text: line, ...(i > 0 ? { break: 1 } : {}) })));
    }
  }
  return runs;
}

/** Numbers one ordered list after another in a document: each list starts again from its own `start`. */
export interface ListCounter {
  next(): number;
}

export function createListCounter(): ListCounter {
  let n = 0;
  return { next: () => ++n };
}

export interface TiptapToDocxOptions {
  /** The document level of the editor's first heading level: 3 makes h1 a "1." 三级标题 under "（一）". */
  headingLevel?: 1 | 2 | 3 | 4;
  /** Shared by every walk into one document, so lists in different agenda items never continue each other. */
  lists?: ListCounter;
}

interface WalkContext {
  headingLevel: number;
  lists: ListCounter;
  depth: number;
  quote: boolean;
}

const HEADING_STYLES = [STYLE.level1, STYLE.level2, STYLE.level3, STYLE.level4];

/** Chinese official numbering under the headings: 1. → （1） → a. → and round again. */
function orderedLevel(level: number, start: number): ILevelsOptions {
  const kind = level % 3;
  const text = kind === 0 ? `%${level + 1}.` : kind === 1 ? `（%${level + 1}）` : `%${level + 1}.`;
  return {
    level,
    start,
    format: kind === 2 ? LevelFormat.LOWER_LETTER : LevelFormat.DECIMAL,
    text,
    alignment: AlignmentType.LEFT,
    suffix: LevelSuffix.NOTHING,
    style: { paragraph: { indent: listIndent(level) } },
  };
}

function bulletLevel(level: number): ILevelsOptions {
  return {
    level,
    format: LevelFormat.BULLET,
    text: ['•', '◦', '▪'][level % 3] as string,
    alignment: AlignmentType.LEFT,
    suffix: LevelSuffix.SPACE,
    style: { paragraph: { indent: listIndent(level) } },
  };
}

/** Like 正文: the first line two characters in, the lines after back at the list's own left edge. */
function listIndent(depth: number): { left: number; firstLine: number } {
  return { left: depth * 2 * CHAR, firstLine: 2 * CHAR };
}

const LEVELS = [0, 1, 2, 3, 4, 5, 6, 7, 8];

function listReference(ordered: boolean, start: number) {
  return ordered
    ? { reference: `ys-ordered-${start}`, levels: LEVELS.map((l) => orderedLevel(l, start)) }
    : { reference: 'ys-bullet', levels: LEVELS.map(bulletLevel) };
}

function walkList(node: TiptapNode, ctx: WalkContext): Paragraph[] {
  const ordered = node.type === 'orderedList';
  const startAttr = Number(node.attrs.start);
  const start = ordered && Number.isInteger(startAttr) && startAttr >= 0 ? startAttr : 1;
  const numbering = { reference: listReference(ordered, start), level: Math.min(ctx.depth, 8), instance: ctx.lists.next() };
  const inner: WalkContext = { ...ctx, depth: ctx.depth + 1 };
  const out: Paragraph[] = [];
  for (const item of children(node)) {
    const blocks = item.type === 'listItem' ? children(item) : [item];
    let numbered = false;
    for (const block of blocks) {
      if (block.type === 'bulletList' || block.type === 'orderedList') {
        out.push(...walkList(block, inner));
        continue;
      }
      // Only an item's first paragraph carries the number; the item's other paragraphs go unnumbered.
      for (const paragraph of walkBlock(block, inner, numbered ? undefined : numbering)) {
        out.push(paragraph);
        numbered = true;
      }
    }
  }
  return out;
}

type Numbering = { reference: ReturnType<typeof listReference>; level: number; instance: number };

function paragraphOf(runs: ParagraphChild[], style: string, ctx: WalkContext, numbering?: Numbering): Paragraph {
  const inList = ctx.depth > 0;
  return new Paragraph({
    style: ctx.quote && style === STYLE.body ? STYLE.quote : style,
    children: runs,
    ...(numbering ? { numbering: { ...numbering, custom: true } } : {}),
    // Inside a list the paragraph carries its indent itself: direct formatting beats the style's
    // two-character indent, and the numbering's, in Word, WPS and LibreOffice alike.
    ...(inList ? { indent: { left: (ctx.depth - 1) * 2 * CHAR + (ctx.quote ? 2 * CHAR : 0), ...FIRST_LINE_INDENT } } : {}),
  });
}

function walkBlock(node: TiptapNode, ctx: WalkContext, numbering?: Numbering): Paragraph[] {
  switch (node.type) {
    case 'doc':
      return walkBlocks(children(node), ctx);
    case 'paragraph': {
      const runs = inlineRuns(children(node));
      return runs.length > 0 || numbering ? [paragraphOf(runs, STYLE.body, ctx, numbering)] : [];
    }
    case 'heading': {
      const level = Number(node.attrs.level);
      const index = Math.min(ctx.headingLevel - 1 + (Number.isInteger(level) && level > 0 ? level - 1 : 0), HEADING_STYLES.length - 1);
      const runs = inlineRuns(children(node));
      return runs.length > 0 ? [paragraphOf(runs, HEADING_STYLES[index] as string, ctx, numbering)] : [];
    }
    case 'bulletList':
    case 'orderedList':
      return walkList(node, ctx);
    case 'blockquote':
      return walkBlocks(children(node), { ...ctx, quote: true });
    case 'codeBlock':
      return tiptapPlainText(node)
        .split('\n')
        .map((line) => new Paragraph({ style: STYLE.code, children: [new TextRun(line)] }));
    case 'horizontalRule':
      return [new Paragraph({ style: STYLE.plain, border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } }, children: [] })];
    default:
      return walkUnknown(node, ctx, numbering);
  }
}

/** A node from an extension the walker does not know: its blocks if it has any, else its text. */
function walkUnknown(node: TiptapNode, ctx: WalkContext, numbering?: Numbering): Paragraph[] {
  const kids = children(node);
  if (kids.some((k) => BLOCK_TYPES.has(k.type) || k.type === 'listItem' || (k.type !== 'text' && k.content.length > 0))) {
    return walkBlocks(kids, ctx);
  }
  const text = tiptapPlainText(node).trim();
  return text ? [paragraphOf(inlineRuns([{ type: 'text', text, attrs: {}, content: [], marks: [] }]), STYLE.body, ctx, numbering)] : [];
}

function walkBlocks(nodes: TiptapNode[], ctx: WalkContext): Paragraph[] {
  return nodes.flatMap((n) => (n.type === 'listItem' ? walkBlocks(children(n), ctx) : walkBlock(n, ctx)));
}

/** Converts a Tiptap document (or any node of one) to paragraphs in the document's styles. */
export function tiptapToDocx(doc: unknown, options: TiptapToDocxOptions = {}): Paragraph[] {
  const node = asNode(doc);
  if (!node) return [];
  const ctx: WalkContext = { headingLevel: options.headingLevel ?? 3, lists: options.lists ?? createListCounter(), depth: 0, quote: false };
  return walkBlock(node, ctx);
}
