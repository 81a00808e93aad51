import type { ReactNode } from 'react';
import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { SignatureVerdict } from '../../../shared/signing/verdict';
import type { FileVerdict } from '../../../shared/signing/fileVerdict';
import { keyIdLabel } from '../../../shared/signing/statement';
import './messages';

/**
 * What 核验 found, in one of four states: signed by a known organisation, signed by an unknown
 * key, content and signature disagree, or no signature at all (never shown as verified).
 * `consistency` (the record as signed, or as amended N times) and `children` (the amendments)
 * are shown under a state whose content matches its seal.
 */
export function VerdictAlert({
  verdict,
  consistency,
  children,
}: {
  verdict: SignatureVerdict;
  consistency?: ReactNode;
  children?: ReactNode;
}) {
  const { t } = useTranslation('signing');
  if (verdict.state === 'mismatch')
    return (
      <Alert
        type="error"
        showIcon
        data-testid="verification"
        title={t('verdict.mismatch')}
        description={t(`verdict.reasons.${verdict.reason}`)}
      />
    );
  const type = verdict.state === 'signedValid' ? 'success' : 'warning';
  const title =
    verdict.state === 'signedValid'
      ? t('verdict.signedValid', { org: verdict.orgName })
      : verdict.state === 'signedUnregistered'
        ? t('verdict.signedUnregistered')
        : t('verdict.unsigned');
  const source =
    verdict.state === 'signedValid'
      ? t(verdict.source === 'own' ? 'verdict.sourceOwn' : 'verdict.sourceRegistered')
      : t('verdict.sourceUnknown');
  return (
    <Alert
      type={type}
      showIcon
      data-testid="verification"
      title={title}
      description={
        <>
          {verdict.state === 'signedUnregistered' && (
            <Typography.Paragraph style={{ marginBottom: 4 }}>
              {t('verdict.unregisteredDetail', { org: verdict.orgName })}
            </Typography.Paragraph>
          )}
          {verdict.state === 'unsigned' && (
            <Typography.Paragraph style={{ marginBottom: 4 }}>{t('verdict.unsignedDetail')}</Typography.Paragraph>
          )}
          {verdict.state !== 'unsigned' && (
            <Typography.Paragraph style={{ marginBottom: 4 }} data-testid="verification-key">
              {t('verdict.keyLine', { keyId: keyIdLabel(verdict.keyId), source })}
            </Typography.Paragraph>
          )}
          {consistency && <Typography.Paragraph style={{ marginBottom: 4 }}>{consistency}</Typography.Paragraph>}
          {children}
        </>
      }
    />
  );
}

/** A verdict in one line (the title of its alert), for a meeting file just read. */
export function fileVerdictTitle(t: TFunction<'signing'>, verdict: FileVerdict): string {
  switch (verdict.state) {
    case 'signedValid':
      return t('verdict.signedValid', { org: verdict.orgName });
    case 'signedUnregistered':
      return t('verdict.withDetail', {
        title: t('verdict.signedUnregistered'),
        detail: t('verdict.unregisteredDetail', { org: verdict.orgName }),
      });
    case 'mismatch':
      return t('verdict.withReason', { title: t('verdict.mismatch'), reason: t(`verdict.reasons.${verdict.reason}`) });
    case 'unsigned':
      return t('verdict.unsigned');
    case 'legacyFormat':
      return t('verdict.withDetail', {
        title: t('verdict.legacyFormat'),
        detail: t('verdict.legacyFormatDetail', { version: verdict.formatVersion }),
      });
  }
}
