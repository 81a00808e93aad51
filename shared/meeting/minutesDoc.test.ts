import { describe, expect, it } from 'vitest';
import { EMPTY_DOC, tiptapPlainText as docToText } from './minutesDoc';

interface DocNode {
  type?: string;
  text?: string;
  attrs?: Record<string, unknown>;
  content?: DocNode[];
}

const p = (...content: DocNode[]): DocNode => ({ type: 'paragraph', content });
const t = (text: string, marks?: unknown[]): DocNode =>
  ({ type: 'text', text, ...(marks ? { marks } : {}) }) as DocNode;

describe('tiptapPlainText', () => {
  it('gives one line per text block, through headings and nested lists', () => {
    const doc: DocNode = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [t('一、停车位重新划线')] },
        p(t('业委会主任'), t('介绍了情况', [{ type: 'bold' }]), t('。')),
        {
          type: 'bulletList',
          content: [
            {
              type: 'listItem',
              content: [
                p(t('物业负责施工')),
                { type: 'orderedList', content: [{ type: 'listItem', content: [p(t('七月底前完成'))] }] },
              ],
            },
            { type: 'listItem', content: [p(t('网格员监督'))] },
          ],
        },
      ],
    };
    expect(docToText(doc)).toBe('一、停车位重新划线\n业委会主任介绍了情况。\n物业负责施工\n七月底前完成\n网格员监督');
  });

  it('writes mentions as the bare name and hard breaks as new lines', () => {
    const doc: DocNode = {
      type: 'doc',
      content: [
        p({ type: 'mention', attrs: { id: 'a1', label: '张丽华' } }, t('同意'), { type: 'hardBreak' }, t('第二行')),
      ],
    };
    expect(docToText(doc)).toBe('张丽华同意\n第二行');
  });

  it('keeps blank lines between paragraphs but not at the end', () => {
    const doc: DocNode = {
      type: 'doc',
      content: [p(t('甲')), { type: 'paragraph' }, p(t('乙')), { type: 'paragraph' }, { type: 'horizontalRule' }],
    };
    expect(docToText(doc)).toBe('甲\n\n乙');
  });

  it('copes with empty, missing and hostile documents', () => {
    expect(docToText(EMPTY_DOC)).toBe('');
    expect(docToText(null)).toBe('');
    expect(docToText({ type: 'doc' })).toBe('');
    let deep: DocNode = p(t('深'));
    for (let i = 0; i < 10_000; i += 1) deep = { type: 'blockquote', content: [deep] };
    expect(() => docToText({ type: 'doc', content: [deep] })).not.toThrow();
  });
});
