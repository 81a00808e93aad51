import { Document, Packer, type Paragraph, type Table } from 'docx';
import { documentSettings, fontTableXml, standardSection } from './style';

/**
 * Packs document content on the standard page as .docx bytes. `pack(…, 'uint8array')` is the one
 * output that exists in browsers and Node alike (toBuffer needs Node's Buffer).
 */
export async function packDocument(children: (Paragraph | Table)[], meta: { title: string; subject?: string }): Promise<Uint8Array> {
  const doc = new Document({
    ...documentSettings(),
    title: meta.title,
    ...(meta.subject ? { subject: meta.subject } : {}),
    sections: [standardSection(children)],
  });
  return Packer.pack(doc, 'uint8array', false, [{ path: 'word/fontTable.xml', data: fontTableXml() }]);
}
