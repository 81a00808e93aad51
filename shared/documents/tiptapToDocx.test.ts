import { describe, expect, it } from 'vitest';
import { attribute, elements, openDocx, paragraphs, textOf } from '../../tests/documents/docxXml';
import { packDocument } from './document';
import { STYLE } from './style';
import { createListCounter, tiptapPlainText, tiptapToDocx } from './tiptapToDocx';

type Node = Record<string, unknown>;
const text = (t: string, ...marks: string[]): Node => ({
  type: 'text',
  text: t,
  ...(marks.length ? { marks: marks.map((type) => ({ type })) } : {}),
});
const p = (...content: Node[]): Node => ({ type: 'paragraph', content });
const li = (...content: Node[]): Node => ({ type: 'listItem', content });
const doc = (...content: Node[]): Node => ({ type: 'doc', content });

/** The document.xml and numbering.xml of a document holding just these blocks. */
async function render(value: unknown, options?: Parameters<typeof tiptapToDocx>[1]) {
  const docx = await openDocx(await packDocument(tiptapToDocx(value, options), { title: 't' }));
  const xml = await docx.xml('word/document.xml');
  return {
    xml,
    paragraphs: paragraphs(xml),
    numbering: docx.names.includes('word/numbering.xml') ? await docx.xml('word/numbering.xml') : '',
  };
}

function numIdOf(paragraphXml: string): string | undefined {
  return attribute(paragraphXml, 'w:numId', 'w:val');
}

describe('tiptapToDocx', () => {
  it('writes paragraphs and headings in the document styles', async () => {
    const { paragraphs: ps } = await render(
      doc({ type: 'heading', attrs: { level: 1 }, content: [text('居民反映')] }, p(text('正文一段。')), {
        type: 'heading',
        attrs: { level: 2 },
        content: [text('小标题')],
      }),
    );
    expect(ps.map((x) => [x.style, x.text])).toEqual([
      [STYLE.level3, '居民反映'],
      [STYLE.body, '正文一段。'],
      [STYLE.level4, '小标题'],
    ]);
  });

  it('maps the first heading level where the caller says', async () => {
    const { paragraphs: ps } = await render(doc({ type: 'heading', attrs: { level: 1 }, content: [text('一级')] }), {
      headingLevel: 1,
    });
    expect(ps[0]?.style).toBe(STYLE.level1);
  });

  it('keeps marks as run formatting', async () => {
    const { paragraphs: ps } = await render(
      doc(
        p(
          text('粗', 'bold'),
          text('斜', 'italic'),
          text('下划线', 'underline'),
          text('删除', 'strike'),
          text('code', 'code'),
        ),
      ),
    );
    const runs = elements(ps[0]?.xml ?? '', 'w:p')[0] ?? '';
    expect(runs).toMatch(/<w:b\/>[\s\S]*<w:t[^>]*>粗</);
    expect(runs).toMatch(/<w:i\/>[\s\S]*<w:t[^>]*>斜</);
    expect(runs).toMatch(/<w:u w:val="single"\/>[\s\S]*<w:t[^>]*>下划线</);
    expect(runs).toMatch(/<w:strike\/>[\s\S]*<w:t[^>]*>删除</);
    expect(runs).toMatch(/w:ascii="Courier New"[\s\S]*<w:t[^>]*>code</);
  });

  it('prints a mention as the name, and a hard break as a line break', async () => {
    const { paragraphs: ps, xml } = await render(
      doc(
        p(
          { type: 'mention', attrs: { id: 'p1', label: '杨海涛' } },
          text(' 介绍方案'),
          { type: 'hardBreak' },
          text('第二行'),
          { type: 'mention', attrs: { id: '无名' } },
        ),
      ),
    );
    expect(ps[0]?.text).toBe('杨海涛 介绍方案\n第二行无名');
    expect(xml).not.toMatch(/mention|@/);
  });

  it('numbers each ordered list on its own, from its start, with nested levels', async () => {
    const nested = { type: 'orderedList', content: [li(p(text('甲'))), li(p(text('乙')))] };
    const { paragraphs: ps, numbering } = await render(
      doc(
        {
          type: 'orderedList',
          attrs: { start: 3 },
          content: [li(p(text('一')), nested), li(p(text('二')), p(text('二的续段')))],
        },
        p(text('中间')),
        { type: 'orderedList', content: [li(p(text('再一')))] },
      ),
    );
    const byText = new Map(ps.map((x) => [x.text, x.xml]));
    const outer = numIdOf(byText.get('一') ?? '');
    expect(numIdOf(byText.get('二') ?? '')).toBe(outer);
    expect(numIdOf(byText.get('二的续段') ?? '')).toBeUndefined(); // a second paragraph of an item has no number
    const inner = numIdOf(byText.get('甲') ?? '');
    const second = numIdOf(byText.get('再一') ?? '');
    expect(new Set([outer, inner, second]).size).toBe(3);
    expect(attribute(byText.get('甲') ?? '', 'w:ilvl', 'w:val')).toBe('1');
    // Every list restarts: its w:num overrides every level's start, the first list at 3.
    const num = (id: string | undefined) =>
      new RegExp(`<w:num w:numId="${id}">[\\s\\S]*?</w:num>`).exec(numbering)?.[0] ?? '';
    expect(num(outer)).toContain('<w:startOverride w:val="3"/>');
    expect(num(second)).toContain('<w:startOverride w:val="1"/>');
    expect(numbering).toContain('<w:lvlText w:val="%1."/>');
    expect(numbering).toContain('<w:lvlText w:val="（%2）"/>');
  });

  it('puts a space after the number of a list whose items begin with digits, and only there', async () => {
    const { paragraphs: ps, numbering } = await render(
      doc(
        { type: 'orderedList', content: [li(p(text('12月20日前完成施工'))), li(p(text('公示7天')))] },
        { type: 'orderedList', content: [li(p(text('先出方案')))] },
      ),
    );
    const abstractOf = (itemText: string) => {
      const numId = numIdOf(ps.find((x) => x.text === itemText)?.xml ?? '');
      const abstractId = new RegExp(`<w:num w:numId="${numId}"><w:abstractNumId w:val="(\\d+)"/>`).exec(numbering)?.[1];
      return (
        new RegExp(`<w:abstractNum w:abstractNumId="${abstractId}">[\\s\\S]*?</w:abstractNum>`).exec(numbering)?.[0] ??
        ''
      );
    };
    const level = (abstract: string, ilvl: number) =>
      new RegExp(`<w:lvl w:ilvl="${ilvl}">[\\s\\S]*?</w:lvl>`).exec(abstract)?.[0] ?? '';
    const digits = abstractOf('12月20日前完成施工');
    expect(level(digits, 0)).toContain('<w:lvlText w:val="%1."/>');
    expect(level(digits, 0)).toContain('<w:suff w:val="space"/>');
    expect(level(digits, 1)).toContain('<w:suff w:val="nothing"/>'); // （1） separates by itself
    expect(level(abstractOf('先出方案'), 0)).toContain('<w:suff w:val="nothing"/>');
  });

  it('starts a pasted list Word could not number (1e+23, −4, 2.5) at 1', async () => {
    for (const start of [1e23, -4, 2.5, 40000, 'x']) {
      const { numbering } = await render(doc({ type: 'orderedList', attrs: { start }, content: [li(p(text('项')))] }));
      expect(numbering, String(start)).toContain('<w:startOverride w:val="1"/>');
    }
  });

  it('starts a nested list from its own start, at the level it is drawn', async () => {
    const nested = { type: 'orderedList', attrs: { start: 3 }, content: [li(p(text('丙')))] };
    const { paragraphs: ps, numbering } = await render(
      doc({ type: 'orderedList', content: [li(p(text('外')), nested)] }),
    );
    const inner = ps.find((x) => x.text === '丙');
    expect(attribute(inner?.xml ?? '', 'w:ilvl', 'w:val')).toBe('1');
    const num =
      new RegExp(`<w:num w:numId="${numIdOf(inner?.xml ?? '')}">[\\s\\S]*?</w:num>`).exec(numbering)?.[0] ?? '';
    expect(num).toContain('<w:lvlOverride w:ilvl="1"><w:startOverride w:val="3"/></w:lvlOverride>');
  });

  it('keeps lists apart across walks that share a counter', async () => {
    const lists = createListCounter();
    const list = doc({ type: 'orderedList', content: [li(p(text('项')))] });
    const a = tiptapToDocx(list, { lists });
    const b = tiptapToDocx(list, { lists });
    const docx = await openDocx(await packDocument([...a, ...b], { title: 't' }));
    const ids = paragraphs(await docx.xml('word/document.xml')).map((x) => numIdOf(x.xml));
    expect(ids[0]).not.toBe(ids[1]);
  });

  it('writes bullets as • and indents nested items further', async () => {
    const { paragraphs: ps, numbering } = await render(
      doc({ type: 'bulletList', content: [li(p(text('外')), { type: 'bulletList', content: [li(p(text('内')))] })] }),
    );
    expect(numbering).toContain('<w:lvlText w:val="•"/>');
    const left = (t: string) => Number(attribute(ps.find((x) => x.text === t)?.xml ?? '', 'w:ind', 'w:left'));
    expect(left('内')).toBeGreaterThan(left('外'));
  });

  it('handles quotes, code blocks and rules', async () => {
    const { paragraphs: ps } = await render(
      doc(
        { type: 'blockquote', content: [p(text('引文'))] },
        { type: 'codeBlock', content: [text('a = 1\nb = 2')] },
        { type: 'horizontalRule' },
      ),
    );
    expect(ps.map((x) => [x.style, x.text])).toEqual([
      [STYLE.quote, '引文'],
      [STYLE.code, 'a = 1'],
      [STYLE.code, 'b = 2'],
      [STYLE.plain, ''],
    ]);
    expect(ps[3]?.xml).toContain('<w:pBdr><w:bottom');
  });

  it('reduces unknown nodes to their text, never markup or JSON', async () => {
    const table = {
      type: 'table',
      content: [{ type: 'tableRow', content: [{ type: 'tableCell', content: [p(text('单元格'))] }] }],
    };
    const { paragraphs: ps, xml } = await render(
      doc(
        table,
        p(
          text('前'),
          { type: 'emoji', attrs: { name: 'smile' } },
          { type: 'footnote', content: [text('脚注')] },
          text('后'),
        ),
        { type: 'details', content: [text('摘要')] },
        { type: 'image', attrs: { src: 'data:x' } },
      ),
    );
    expect(ps.map((x) => x.text)).toEqual(['单元格', '前脚注后', '摘要']);
    expect(textOf(xml)).not.toMatch(/[{}<>]|"type"|smile|data:/);
  });

  it('skips empty paragraphs and never throws on malformed input', () => {
    expect(tiptapToDocx(doc(p(), p(text(''))))).toEqual([]);
    for (const bad of [
      null,
      undefined,
      42,
      'doc',
      [],
      { content: 'x' },
      { type: 'doc', content: [null, 3, { marks: 'x' }] },
    ]) {
      expect(() => tiptapToDocx(bad)).not.toThrow();
    }
  });

  it('reads a crafted document nested thousands deep without exhausting the stack', () => {
    let deep: Node = p(text('底'));
    for (let i = 0; i < 5000; i++) deep = { type: 'bulletList', content: [li(deep)] };
    let wrapped: Node = p(text('壳'));
    for (let i = 0; i < 5000; i++) wrapped = { type: 'blockquote', content: [wrapped] };
    expect(() => tiptapToDocx(doc(p(text('顶')), deep, wrapped))).not.toThrow();
    expect(() => tiptapPlainText(doc(deep, wrapped))).not.toThrow();
    expect(tiptapPlainText(doc(p(text('顶')), deep))).toMatch(/^顶/);
  });

  it('gives the plain text of any node', () => {
    expect(tiptapPlainText(doc(p(text('一'), { type: 'mention', attrs: { label: '张三' } }), p(text('二'))))).toBe(
      '一张三\n二',
    );
    expect(tiptapPlainText(null)).toBe('');
  });
});
