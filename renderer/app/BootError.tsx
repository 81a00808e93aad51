import { Problem } from './Problem';
import { PlainButton } from './plain/PlainButton';
import { useTranslation } from 'react-i18next';
import { FutureDatabaseError } from '../data/openDatabase';
import { SCHEMA_VERSION } from '../../shared/store/tables';

/** Shown instead of the app when the database cannot be opened. It never deletes anything. */
export function BootError({ error, onRetry }: { error: unknown; onRetry(): void }) {
  const { t } = useTranslation();
  if (error instanceof FutureDatabaseError) {
    return (
      <div className="yishi-center">
        <Problem
          status="warning"
          title={t('errors.futureTitle')}
          subTitle={t('errors.futureLead', { found: error.foundVersion, supported: SCHEMA_VERSION })}
        />
      </div>
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  return (
    <div className="yishi-center">
      <Problem
        status="error"
        title={t('errors.openFailedTitle')}
        subTitle={t('errors.openFailedLead', { message })}
        extra={
          <PlainButton type="primary" onClick={onRetry}>
            {t('errors.retry')}
          </PlainButton>
        }
      />
    </div>
  );
}
