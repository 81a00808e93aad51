import { Problem } from './Problem';
import { PlainButton } from './plain/PlainButton';
import { useTranslation } from 'react-i18next';
import { FutureDatabaseError } from '../data/openDatabase';
import { SCHEMA_VERSION } from '../../shared/store/tables';
import { openFailureOf } from './openFailure';

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
  // The browser's own words ("Internal error opening backing store…") are English and say
  // nothing to a secretary: the console keeps them, the screen names the kind of failure.
  console.error('the database could not be opened', error);
  const reason = t(`errors.openFailedReasons.${openFailureOf(error)}`);
  return (
    <div className="yishi-center">
      <Problem
        status="error"
        title={t('errors.openFailedTitle')}
        subTitle={t('errors.openFailedLead', { reason })}
        extra={
          <PlainButton type="primary" onClick={onRetry}>
            {t('errors.retry')}
          </PlainButton>
        }
      />
    </div>
  );
}
