import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { WithAntd } from '../../app/antd/withAntd';
import { PlainButton } from '../../app/plain/PlainButton';
import './messages';

// The dialog and the filing code behind it (signing, the package's zip) load with the first click.
const MonthlyFilingModal = lazy(() => import('./MonthlyFilingModal').then((m) => ({ default: m.MonthlyFilingModal })));

/**
 * 月度备案: pick a community and a month; the month's signed meetings are filed, the others named.
 * On the meeting list, drawn without antd: the dialog brings antd with it.
 */
export function MonthlyFilingButton() {
  const { t } = useTranslation('filing');
  const [open, setOpen] = useState(false);
  return (
    <>
      <PlainButton onClick={() => setOpen(true)}>{t('export.monthly')}</PlainButton>
      {open && (
        <Suspense fallback={null}>
          <WithAntd>
            <MonthlyFilingModal onClose={() => setOpen(false)} />
          </WithAntd>
        </Suspense>
      )}
    </>
  );
}
