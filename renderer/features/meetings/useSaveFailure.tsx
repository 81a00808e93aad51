import { useState } from 'react';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../i18n/errorText';

export type Attempt<T> = { ok: true; value: T } | { ok: false };

/**
 * A dialog's save that can be refused: the meeting finalised or signed in another window
 * meanwhile, a row deleted, a full disk. The reason is kept to show inside the dialog, which
 * stays open with what was typed, instead of escaping as an uncaught rejection.
 */
export function useSaveFailure() {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<string | null>(null);
  async function attempt<T>(save: () => Promise<T>): Promise<Attempt<T>> {
    setFailure(null);
    try {
      return { ok: true, value: await save() };
    } catch (error) {
      console.error('a dialog could not save', error);
      setFailure(errorText(t, error));
      return { ok: false };
    }
  }
  return { failure, setFailure, attempt };
}

/** The reason a save was refused, inside the dialog, read out by screen readers. */
export function SaveFailure({ failure }: { failure: string | null }) {
  if (!failure) return null;
  return (
    <Alert type="error" showIcon role="alert" data-testid="save-failure" style={{ marginTop: 12 }} title={failure} />
  );
}
