import { Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { keyIdLabel, parseStatement } from '../../../shared/signing/statement';
import { useApp } from '../../app/AppContext';
import { loadSignatures } from '../../data/repos/signingRepo';
import './messages';

/**
 * Beside a signed record's fingerprint: the id of the key that signed its newest state, as the
 * 纪要 prints it. Only a label: whether the signature holds is for 核验 to say.
 */
export function SignatureKeyLine({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation('signing');
  const { db } = useApp();
  const signatures = useLiveQuery(() => loadSignatures(db, meetingId), [db, meetingId]);
  if (!signatures) return null;
  const newest = signatures.reduce<(typeof signatures)[number] | null>((a, b) => (a && a.slot > b.slot ? a : b), null);
  const keyId = newest ? parseStatement(newest.statement)?.keyId : undefined;
  return (
    <>
      {t('verdict.signedWith')}：
      {keyId ? (
        <Typography.Text strong code data-testid="signing-key-id">
          {keyIdLabel(keyId)}
        </Typography.Text>
      ) : (
        <Typography.Text type="secondary" data-testid="signing-key-id">
          {t('verdict.unsigned')}
        </Typography.Text>
      )}
    </>
  );
}
