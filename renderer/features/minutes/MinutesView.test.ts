import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { allResources } from '../../i18n';
import './messages';
import { MinutesView } from './MinutesView';

type Node = Record<string, unknown>;
const text = (t: string, ...marks: string[]): Node => ({
  type: 'text',
  text: t,
  ...(marks.length ? { marks: marks.map((type) => ({ type })) } : {}),
});
const p = (...content: Node[]): Node => ({ type: 'paragraph', content });
const doc = (...content: Node[]): Node => ({ type: 'doc', content });
const render = (value: unknown) => renderToStaticMarkup(createElement(MinutesView, { doc: value }));

beforeAll(async () => {
  await i18next
    .use(initReactI18next)
    .init({ resources: allResources(), lng: 'zh-CN', interpolation: { escapeValue: false } });
});

describe('MinutesView (read-only minutes without an editor)', () => {
  it('draws the editor’s nodes and marks as elements, in the editor’s classes', () => {
    const html = render(
      doc(
        { type: 'heading', attrs: { level: 2 }, content: [text('居民反映')] },
        p(
          text('粗', 'bold'),
          text('斜', 'italic'),
          text('线', 'underline'),
          { type: 'hardBreak' },
          { type: 'mention', attrs: { id: 'p1', label: '杨海涛' } },
        ),
        { type: 'orderedList', attrs: { start: 3 }, content: [{ type: 'listItem', content: [p(text('第三'))] }] },
        { type: 'bulletList', content: [{ type: 'listItem', content: [p(text('要点'))] }] },
        p(),
      ),
    );
    expect(html).toContain('class="yishi-minutes-content"');
    expect(html).toContain('<h2>居民反映</h2>');
    expect(html).toContain(
      '<p><span><strong>粗</strong></span><span><em>斜</em></span><span><u>线</u></span><br/><span class="yishi-mention">杨海涛</span></p>',
    );
    expect(html).toContain('<ol start="3"><li><p>第三</p></li></ol>');
    expect(html).toContain('<ul><li><p>要点</p></li></ul>');
    expect(html).toContain('<p><br/></p>'); // an empty line keeps its place
  });

  it('never turns stored text or unknown nodes into markup', () => {
    const html = render(
      doc(
        p(text('<script>alert(1)</script><img src=x onerror=alert(2)>')),
        { type: 'image', attrs: { src: 'javascript:alert(3)' } },
        { type: 'iframe', content: [text('框内文字')] },
        p({ type: 'emoji', attrs: { name: 'smile' }, content: [text('笑')] }),
      ),
    );
    expect(html).not.toMatch(/<(script|img|iframe)\b|javascript:/);
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('框内文字');
    expect(html).toContain('笑');
  });

  it('shows the empty message for missing, malformed or blank minutes, and survives deep nesting', () => {
    for (const bad of [null, undefined, 42, 'doc', [], { content: 'x' }, doc(p(), p(text('  ')))]) {
      expect(render(bad)).toContain('yishi-minutes-empty');
    }
    let deep: Node = p(text('底'));
    for (let i = 0; i < 5000; i++) deep = { type: 'bulletList', content: [{ type: 'listItem', content: [deep] }] };
    expect(() => render(doc(p(text('顶')), deep))).not.toThrow();
  });
});
