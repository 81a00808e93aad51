import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { packDocument } from './document';
import { STYLE } from './style';
import { paragraph, text } from './wml';

async function partsOf(title: string, subject?: string) {
  const bytes = await packDocument([paragraph({ style: STYLE.plain }, [text('正文')])], {
    title,
    ...(subject ? { subject } : {}),
  });
  const files = unzipSync(bytes);
  return { core: strFromU8(files['docProps/core.xml']!), body: strFromU8(files['word/document.xml']!) };
}

describe('the package around a document body', () => {
  it('gives each document its own properties, though the package is packed once', async () => {
    const first = await partsOf('胜兴社区党群议事日纪要', '2026年第11期会议纪要');
    const second = await partsOf('A & B <议事> \uFFFE标题');
    expect(first.core).toContain('<dc:title>胜兴社区党群议事日纪要</dc:title>');
    expect(first.core).toContain('<dc:subject>2026年第11期会议纪要</dc:subject>');
    expect(second.core).toContain('<dc:title>A &amp; B &lt;议事&gt; 标题</dc:title>');
    expect(second.core).not.toContain('dc:subject');
    for (const { core, body } of [first, second]) {
      expect(core).not.toContain('YISHI-');
      expect(body).toContain('正文');
      expect(body).not.toContain('YISHI-');
      const created = /<dcterms:created[^>]*>([^<]+)</.exec(core)?.[1];
      expect(Math.abs(Date.parse(created!) - Date.now())).toBeLessThan(60_000);
    }
  });
});
