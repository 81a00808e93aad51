import { shortFingerprint } from '../meeting/fingerprint';
import { keyIdLabel } from '../signing/statement';
import { blankLine, imageParagraph, smallNote } from './blocks';
import { qrPng } from './qr';
import { FONT, STYLE, TEXT_WIDTH, font, mmToTwip } from './style';
import { NO_BORDERS, columnWidths } from './tables';
import { joinBlocks, paragraph, text, type BodyBlock } from './wml';
import { tableBlock } from './wmlTable';

/**
 * The record's fingerprint on the last page: the short form people compare by eye, the full hex,
 * and a QR code of the full hex for a phone. One unbreakable row, so it never splits from its QR.
 * `signingKeyId`: the key that signed the record as it now stands (shared/signing), one short
 * line under the fingerprint, so a reviewer knows whose registered key should verify it.
 */
export function fingerprintBlock(fingerprint: string | undefined, signingKeyId?: string): BodyBlock[] {
  if (!fingerprint) return [blankLine(), smallNote('（本纪要尚未签署，不附电子记录校验码。）')];
  const qrSizePx = Math.round((24 / 25.4) * 96); // 24 mm at Word's 96 px per inch: 0.65 mm a module
  const [qrWidth, textWidth] = columnWidths([mmToTwip(28), TEXT_WIDTH - mmToTwip(28)]) as [number, number];
  const qr = imageParagraph({
    picture: { key: 'fingerprint-qr', type: 'png', bytes: qrPng(fingerprint) },
    width: qrSizePx,
    height: qrSizePx,
    name: '校验码二维码',
    description: `电子记录校验码 ${fingerprint}`,
    title: '校验码二维码',
  });
  const caption = joinBlocks([
    paragraph({ style: STYLE.table }, [
      text('电子记录校验码：', { font: font(FONT.heiTi) }),
      text(shortFingerprint(fingerprint), { bold: true }),
    ]),
    ...(signingKeyId
      ? [
          paragraph({ style: STYLE.table }, [
            text('签名密钥编号：', { font: font(FONT.heiTi) }),
            text(keyIdLabel(signingKeyId), { bold: true }),
          ]),
        ]
      : []),
    smallNote(fingerprint, { mono: true }),
    // A matching fingerprint alone proves nothing (anyone can recompute it); the signature does.
    smallNote(
      signingKeyId
        ? '校验码在会议记录签署时生成，并由签名密钥签名。扫描二维码读出完整校验码，在议事厅中核验本次会议记录：显示“签名有效”即说明据以生成本纪要的电子记录自签署后未被改动。'
        : '校验码在会议记录签署时生成。扫描二维码读出完整校验码，可与议事厅中本次会议记录的校验码比对；本纪要的电子记录没有电子签名。',
    ),
  ]);
  return [
    smallNote(''), // an 18 pt gap, not a 3号 blank line: the block is often squeezed onto the last page
    tableBlock({
      width: TEXT_WIDTH,
      columnWidths: [qrWidth, textWidth],
      borders: NO_BORDERS,
      margins: { top: 0, bottom: 0, left: 0, right: 80 },
      rows: [
        {
          cantSplit: true,
          cells: [
            { width: qrWidth, content: qr },
            { width: textWidth, content: caption },
          ],
        },
      ],
    }),
  ];
}
