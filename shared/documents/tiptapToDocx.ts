import { MAX_LIST_START } from './numbering';
import { CHAR, FIRST_LINE_INDENT, FONT, STYLE, font } from './style';
import {
  BLOCK_TYPES,
  MAX_NESTING,
  asNode,
  childNodes as children,
  mentionName,
  tiptapPlainText,
  type TiptapMark,
  type TiptapNode,
} from '../meeting/minutesDoc';
import { paragraph, text, type BodyBlock, type ListDefinition, type RunProps, type TextInline } from './wml';

export { tiptapPlainText };

/**
 * A pure walker from the minutes editor's Tiptap JSON (StarterKit + Mention) to paragraphs in the
 * document's own styles, written as WordprocessingML (wml.ts). Every shape is checked (see
 * minutesDoc.ts): an unknown node gives its text, never markup or JSON, and nothing here throws.
 */

function runPropsFor(marks: TiptapMark[]): RunProps | undefined {
  let props: RunProps | undefined;
  for (const mark of marks) {
    if (mark.type === 'bold') props = { ...props, bold: true };
    else if (mark.type === 'italic') props = { ...props, italics: true };
    else if (mark.type === 'underline') props = { ...props, underline: true };
    else if (mark.type === 'strike') props = { ...props, strike: true };
    else if (mark.type === 'code') props = { ...props, font: { ...font(FONT.mono), eastAsia: FONT.fangSong } };
    else if (mark.type === 'subscript') props = { ...props, vertAlign: 'subscript' };
    else if (mark.type === 'superscript') props = { ...props, vertAlign: 'superscript' };
    // link, highlight, textStyle: the words are what matters on paper.
  }
  return props;
}

function inlineRuns(nodes: TiptapNode[]): TextInline[] {
  const runs: TextInline[] = [];
  for (const node of nodes) {
    if (node.type === 'text') {
      if (node.text) runs.push(text(node.text, runPropsFor(node.marks)));
    } else if (node.type === 'hardBreak') {
      runs.push({ text: '', break: true });
    } else if (node.type === 'mention') {
      const name = mentionName(node);
      if (name) runs.push(text(name, runPropsFor(node.marks)));
    } else {
      // An unknown inline node: its text, line breaks kept ("\n" becomes w:br).
      const value = tiptapPlainText(node);
      if (value) runs.push(text(value));
    }
  }
  return runs;
}

/** Numbers the lists of one document: each list gets its own w:num and starts again from its own `start`. */
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
  /** How deep the walk is in the JSON, lists or not: past MAX_NESTING nothing more is read. */
  nesting: number;
  headingLevel: number;
  lists: ListCounter;
  depth: number;
  quote: boolean;
}

const HEADING_STYLES = [STYLE.level1, STYLE.level2, STYLE.level3, STYLE.level4];

interface Numbering {
  list: ListDefinition;
  level: number;
}

/** Whether a list item's text begins with a digit, which would run on from its number ("1.12月"). */
function beginsWithDigit(item: TiptapNode): boolean {
  return /^[0-9０-９]/.test(tiptapPlainText(item).trimStart());
}

function walkList(node: TiptapNode, ctx: WalkContext): BodyBlock[] {
  if (ctx.nesting > MAX_NESTING) return [];
  const ordered = node.type === 'orderedList';
  // A pasted list may say it starts at 1e+23 or -4: what Word cannot number starts at 1.
  const startAttr = Number(node.attrs.start);
  const start = ordered && Number.isInteger(startAttr) && startAttr >= 0 && startAttr <= MAX_LIST_START ? startAttr : 1;
  const separated = ordered && children(node).some(beginsWithDigit);
  const list: ListDefinition = { numId: ctx.lists.next(), ordered, start, ...(separated ? { separated } : {}) };
  const numbering: Numbering = { list, level: Math.min(ctx.depth, 8) };
  const inner: WalkContext = { ...ctx, depth: ctx.depth + 1, nesting: ctx.nesting + 1 };
  const out: BodyBlock[] = [];
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

function paragraphOf(runs: TextInline[], style: string, ctx: WalkContext, numbering?: Numbering): BodyBlock {
  const inList = ctx.depth > 0;
  const block = paragraph(
    {
      style: ctx.quote && style === STYLE.body ? STYLE.quote : style,
      ...(numbering ? { numbering: { numId: numbering.list.numId, level: numbering.level } } : {}),
      // Inside a list the paragraph carries its indent itself: direct formatting beats the style's
      // two-character indent, and the numbering's, in Word, WPS and LibreOffice alike.
      ...(inList
        ? { indent: { left: (ctx.depth - 1) * 2 * CHAR + (ctx.quote ? 2 * CHAR : 0), ...FIRST_LINE_INDENT } }
        : {}),
    },
    runs,
  );
  return numbering ? { ...block, lists: [numbering.list] } : block;
}

function walkBlock(node: TiptapNode, ctx: WalkContext, numbering?: Numbering): BodyBlock[] {
  if (ctx.nesting > MAX_NESTING) return [];
  switch (node.type) {
    case 'doc':
      return walkBlocks(children(node), ctx);
    case 'paragraph': {
      const runs = inlineRuns(children(node));
      return runs.length > 0 || numbering ? [paragraphOf(runs, STYLE.body, ctx, numbering)] : [];
    }
    case 'heading': {
      const level = Number(node.attrs.level);
      const index = Math.min(
        ctx.headingLevel - 1 + (Number.isInteger(level) && level > 0 ? level - 1 : 0),
        HEADING_STYLES.length - 1,
      );
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
        .map((line) => paragraph({ style: STYLE.code }, [text(line)]));
    case 'horizontalRule':
      return [paragraph({ style: STYLE.plain, borderBottom: { size: 6, color: '000000', space: 1 } })];
    default:
      return walkUnknown(node, ctx, numbering);
  }
}

/** A node from an extension the walker does not know: its blocks if it has any, else its text. */
function walkUnknown(node: TiptapNode, ctx: WalkContext, numbering?: Numbering): BodyBlock[] {
  const kids = children(node);
  if (
    kids.some((k) => BLOCK_TYPES.has(k.type) || k.type === 'listItem' || (k.type !== 'text' && k.content.length > 0))
  ) {
    return walkBlocks(kids, ctx);
  }
  const value = tiptapPlainText(node).trim();
  return value ? [paragraphOf([text(value)], STYLE.body, ctx, numbering)] : [];
}

function walkBlocks(nodes: TiptapNode[], outer: WalkContext): BodyBlock[] {
  const ctx = { ...outer, nesting: outer.nesting + 1 };
  return nodes.flatMap((n) => (n.type === 'listItem' ? walkBlocks(children(n), ctx) : walkBlock(n, ctx)));
}

/** Converts a Tiptap document (or any node of one) to paragraphs in the document's styles. */
export function tiptapToDocx(doc: unknown, options: TiptapToDocxOptions = {}): BodyBlock[] {
  const node = asNode(doc);
  if (!node) return [];
  const ctx: WalkContext = {
    headingLevel: options.headingLevel ?? 3,
    lists: options.lists ?? createListCounter(),
    depth: 0,
    nesting: 0,
    quote: false,
  };
  return walkBlock(node, ctx);
}
