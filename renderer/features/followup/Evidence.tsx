import { useState } from 'react';
import { Alert, Button, Image, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  ATTACHMENTS_PER_OWNER,
  isImage,
  prepareFiles,
  type Attachment,
  type PreparedFile,
} from '../../../shared/evidence/attachment';
import './messages';

function dataUrl(a: Pick<Attachment, 'mime' | 'data'>): string {
  return `data:${a.mime};base64,${a.data}`;
}

/**
 * Thumbnails of evidence with a viewer (antd's preview: zoom, rotate, next/previous); files
 * other than photos are links that open or save them. Reusable wherever evidence is shown.
 */
export function EvidenceGallery({
  files,
}: {
  files: readonly Pick<Attachment, 'id' | 'fileName' | 'mime' | 'data'>[];
}) {
  const { t } = useTranslation('followup');
  if (files.length === 0) return null;
  const photos = files.filter((f) => isImage(f.mime));
  const others = files.filter((f) => !isImage(f.mime));
  return (
    <div className="yishi-evidence">
      {photos.length > 0 && (
        <Image.PreviewGroup>
          <Space wrap size={8}>
            {photos.map((f) => (
              <Image
                key={f.id}
                src={dataUrl(f)}
                alt={f.fileName}
                title={f.fileName}
                width={96}
                height={72}
                style={{ objectFit: 'cover', borderRadius: 4 }}
              />
            ))}
          </Space>
        </Image.PreviewGroup>
      )}
      {others.map((f) => (
        <div key={f.id}>
          <a href={dataUrl(f)} download={f.fileName} aria-label={`${t('pub.evidence.open')} ${f.fileName}`}>
            📎 {f.fileName}
          </a>
        </div>
      ))}
    </div>
  );
}

/**
 * Picks files and checks them at once (type by their bytes, size, count): a refused batch is
 * named in Chinese and nothing of it is kept, so what is shown is exactly what will be stored.
 */
export function EvidencePicker({
  value,
  onChange,
}: {
  value: readonly PreparedFile[];
  onChange: (files: PreparedFile[]) => void;
}) {
  const { t } = useTranslation('followup');
  const [error, setError] = useState<string | null>(null);
  const [reading, setReading] = useState(false);

  async function pick(list: FileList | null) {
    if (!list || list.length === 0) return;
    setReading(true);
    try {
      const incoming = await Promise.all(
        [...list].map(async (f) => ({ fileName: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
      );
      const prepared = await prepareFiles(incoming);
      if (typeof prepared === 'string') return setError(prepared);
      if (value.length + prepared.length > ATTACHMENTS_PER_OWNER)
        return setError(`每条进展最多${ATTACHMENTS_PER_OWNER}个附件`);
      setError(null);
      onChange([...value, ...prepared]);
    } finally {
      setReading(false);
    }
  }

  return (
    <div>
      <label className="ant-btn ant-btn-default yishi-evidence-pick">
        {reading ? t('pub.evidence.reading') : t('pub.evidence.add')}
        <input
          type="file"
          multiple
          accept=".jpg,.jpeg,.png,.pdf,.docx,.xlsx"
          aria-label={t('pub.evidence.add')}
          style={{ display: 'none' }}
          onChange={(e) => {
            void pick(e.target.files);
            e.target.value = '';
          }}
        />
      </label>
      <Typography.Paragraph type="secondary" style={{ margin: '4px 0' }}>
        {t('pub.evidence.hint')}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 8 }} />}
      {value.length > 0 && (
        <Space direction="vertical" size={4} style={{ width: '100%' }}>
          <EvidenceGallery files={value.filter((f) => isImage(f.mime)).map((f, i) => ({ ...f, id: `new-${i}` }))} />
          {value.map((f, i) => (
            <Space key={`${f.sha256}-${i}`}>
              <span>{f.fileName}</span>
              <Typography.Text type="secondary">{(f.size / 1024).toFixed(0)} KB</Typography.Text>
              <Button size="small" type="link" onClick={() => onChange(value.filter((_, j) => j !== i))}>
                {t('pub.evidence.remove')}
              </Button>
            </Space>
          ))}
        </Space>
      )}
    </div>
  );
}
