import { useState } from 'react';
import { Alert, App, Button, Card, Space } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { Matter } from '../../../shared/domain/matter';
import type { PreparedFile } from '../../../shared/evidence/attachment';
import { useApp } from '../../app/AppContext';
import { addMatterPhotos, loadMatterPhotos } from '../../data/repos/matterPhotosRepo';
import { EvidenceGallery, EvidencePicker } from '../followup';
import './messages';
import { refusalWords } from '../../i18n/refusalWords';

/** On a matter's page: the photos and papers of the matter as raised, and a way to add more. */
export function MatterPhotosCard({ matter }: { matter: Matter }) {
  const { t } = useTranslation('matters');
  const { db } = useApp();
  const { message } = App.useApp();
  const photos = useLiveQuery(() => loadMatterPhotos(db, matter.id), [db, matter.id]);
  const [picked, setPicked] = useState<PreparedFile[]>([]);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function save() {
    setBusy(true);
    try {
      const outcome = await addMatterPhotos(db, matter.id, picked);
      if (!outcome.ok) return setRefusal(outcome.refusal ? refusalWords(t, outcome.refusal) : outcome.message);
      setRefusal(null);
      setPicked([]);
      void message.success(t('photos.saved', { count: outcome.added }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card size="small" title={t('photos.title')} data-testid="matter-photos">
      {photos && photos.length > 0 ? <EvidenceGallery files={photos} /> : <p>{t('photos.none')}</p>}
      <Space direction="vertical" style={{ width: '100%', marginTop: 8 }}>
        <EvidencePicker value={picked} onChange={setPicked} />
        {refusal && <Alert type="error" showIcon title={refusal} role="alert" />}
        {picked.length > 0 && (
          <Button type="primary" loading={busy} onClick={() => void save()}>
            {t('photos.save')}
          </Button>
        )}
      </Space>
    </Card>
  );
}
