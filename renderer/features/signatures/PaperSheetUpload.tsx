import { useRef, useState, type ChangeEvent } from 'react';
import { App, Button, Space, Spin } from 'antd';
import { CameraOutlined, CheckOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import {
  checkSheetFile,
  dataUrlBytes,
  fitWidth,
  formatSize,
  SHEET_MAX_BYTES,
  SHEET_MAX_DATA_URL_CHARS,
} from './imageFile';
import './signatures.css';
import './messages';

export interface PaperSheetResult {
  /** JPEG data URL, at most 2000 px wide. */
  imageDataUrl: string;
}

export interface PaperSheetUploadProps {
  /** Called when the secretary confirms the photo of the signed paper 签到表. */
  onRecorded(result: PaperSheetResult): void;
  disabled?: boolean;
}

interface Prepared {
  dataUrl: string;
  width: number;
  height: number;
}

const MAX_MB = SHEET_MAX_BYTES / 1024 / 1024;
/** Lower qualities are tried only if a huge photo would not fit the record's limit. */
const JPEG_QUALITIES = [0.85, 0.72, 0.6];

/**
 * Decodes, downscales to ≤ 2000 px wide and re-encodes as JPEG on a white background (JPEG has
 * no transparency, and a transparent PNG scan would otherwise turn black). createImageBitmap
 * applies the photo's EXIF orientation, so a phone photo is upright.
 */
async function prepareSheet(file: File): Promise<Prepared | 'unreadable' | 'tooLarge'> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    return 'unreadable';
  }
  try {
    const size = fitWidth(bitmap.width, bitmap.height);
    const canvas = document.createElement('canvas');
    canvas.width = size.width;
    canvas.height = size.height;
    const ctx = canvas.getContext('2d');
    if (!ctx) return 'unreadable';
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, size.width, size.height);
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(bitmap, 0, 0, size.width, size.height);
    for (const quality of JPEG_QUALITIES) {
      const dataUrl = canvas.toDataURL('image/jpeg', quality);
      if (dataUrl.length <= SHEET_MAX_DATA_URL_CHARS) return { dataUrl, ...size };
    }
    return 'tooLarge';
  } finally {
    bitmap.close();
  }
}

/**
 * The secretary records that the paper 签到表 was signed and attaches its photo or scan.
 * The photo is shown for a check before it is recorded: a wrong photo is easy to pick on a phone.
 */
export function PaperSheetUpload({ onRecorded, disabled = false }: PaperSheetUploadProps) {
  const { t } = useTranslation('signatures');
  const { message } = App.useApp();
  const inputRef = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [prepared, setPrepared] = useState<Prepared | null>(null);

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // Reset so choosing the same file again still fires change.
    event.target.value = '';
    if (!file) return;
    const problem = checkSheetFile(file);
    if (problem) {
      const params =
        problem.code === 'sheetWrongType'
          ? { type: problem.type }
          : problem.code === 'sheetTooLarge'
            ? { size: formatSize(problem.size), maxMb: MAX_MB }
            : {};
      void message.error(t(problem.code, params));
      return;
    }
    setBusy(true);
    try {
      const result = await prepareSheet(file);
      if (result === 'unreadable') void message.error(t('sheetUnreadable'));
      else if (result === 'tooLarge') void message.error(t('sheetStillTooLarge'));
      else setPrepared(result);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="yishi-sheet-upload">
      <input
        ref={inputRef}
        type="file"
        accept="image/*"
        hidden
        onChange={(e) => void onFile(e)}
        data-testid="paper-sheet-input"
      />
      <Space wrap>
        <Button icon={<CameraOutlined />} onClick={() => inputRef.current?.click()} disabled={disabled || busy}>
          {prepared ? t('sheetChooseAgain') : t('sheetChoose')}
        </Button>
        {prepared ? (
          <Button
            type="primary"
            icon={<CheckOutlined />}
            disabled={disabled}
            onClick={() => onRecorded({ imageDataUrl: prepared.dataUrl })}
          >
            {t('sheetConfirm')}
          </Button>
        ) : null}
      </Space>
      <div className="yishi-sheet-hint">{t('sheetHint', { maxMb: MAX_MB })}</div>
      {busy ? <Spin size="small" description={t('sheetProcessing')} /> : null}
      {prepared ? (
        <figure className="yishi-sheet-preview">
          <img src={prepared.dataUrl} alt={t('sheetPreviewAlt')} />
          <figcaption>
            {t('sheetInfo', {
              width: prepared.width,
              height: prepared.height,
              size: formatSize(dataUrlBytes(prepared.dataUrl)),
            })}
          </figcaption>
        </figure>
      ) : null}
    </div>
  );
}
