import { lazy, Suspense, useState } from 'react';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import './messages';

// The dialog and the filing code behind it (signing, the package's zip) load with the first click.
const MonthlyFilingModal = lazy(() => import('./MonthlyFilingModal').then((m) => ({ default: m.MonthlyFilingModal })));

/** 月度备案: pick a community and a month; the month's signed meetings are filed, the others named. */
export function MonthlyFilingButton() {
  const { t } = useTranslation('filing');
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('export.monthly')}</Button>
      {open && (
        <Suspense fallback={null}>
          <MonthlyFilingModal onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
