import { useState } from 'react';
import { Alert, Button } from 'antd';
import type { FormInstance } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { draftApplies, keptDraftSchema, sameDraft, type KeptDraft } from '../../../shared/drafts/dialogDrafts';
import { dialogDrafts } from '../minutes';
import './messages';

export interface DialogDraftInput<V, D> {
  form: FormInstance<V>;
  /** From dialogDraftKey: meeting, dialog, agenda item, row. */
  draftKey: string;
  schema: z.ZodType<D>;
  /** The form's values when no draft is kept (a new row's defaults, or the stored row). */
  initial: V;
  /**
   * What the draft is typed on (see KeptDraft in shared/drafts/dialogDrafts.ts): rowBase of the
   * row being edited, or the ids of the rows of that kind already there for a new one.
   */
  base: string[];
  toDraft(values: V): D;
  fromDraft(draft: D): V;
}

export interface DialogDraft<V> {
  /** For the Form: the kept draft when there is one, else `initial`. */
  initialValues: V;
  /** For the Form's `key`: a discarded draft remounts the fields (pickers hold typed text). */
  formKey: number;
  /** When the draft shown was written; null when the form opened without one. */
  restoredAt: number | null;
  /** For the Form's onValuesChange: keeps the draft as it is typed. */
  onValuesChange(): void;
  /** After a successful 保存: the draft is in the database now. */
  saved(): void;
  /** The user drops the draft: the form goes back to `initial`. */
  discard(): void;
}

/**
 * The unsaved draft of a dialog form that is stored only on 保存 (a decision, a vote…), kept in
 * localStorage at every change so that closing the window, a crash or an Esc mid-form loses
 * nothing: reopening the same dialog for the same row brings it back, with a notice. Cancelling
 * keeps it too (an Esc can be a slip); the notice offers to drop it.
 */
export function useDialogDraft<V, D>({
  form,
  draftKey,
  schema,
  initial,
  base,
  toDraft,
  fromDraft,
}: DialogDraftInput<V, D>): DialogDraft<V> {
  // Read once, when the dialog opens: later writes are this form's own. A draft that no longer
  // applies is left alone here (rendering must not write) and replaced by the next change.
  const [kept] = useState(() => {
    const found = dialogDrafts().read(draftKey, keptDraftSchema(schema));
    return found && draftApplies(found.value.base, base) ? found : undefined;
  });
  const [initialValues] = useState<V>(() => (kept ? fromDraft(kept.value.values) : initial));
  const [restoredAt, setRestoredAt] = useState<number | null>(kept?.savedAt ?? null);
  const [formKey, setFormKey] = useState(0);

  return {
    initialValues,
    formKey,
    restoredAt,
    onValuesChange: () => {
      const draft = toDraft(form.getFieldsValue(true));
      const entry: KeptDraft<D> = { values: draft, base };
      if (sameDraft(draft, toDraft(initial))) dialogDrafts().remove(draftKey);
      else dialogDrafts().write(draftKey, entry);
    },
    saved: () => dialogDrafts().remove(draftKey),
    discard: () => {
      dialogDrafts().remove(draftKey);
      const cleared = Object.fromEntries(Object.keys(form.getFieldsValue(true) as object).map((k) => [k, undefined]));
      form.setFieldsValue({ ...cleared, ...initial } as Parameters<FormInstance<V>['setFieldsValue']>[0]);
      setRestoredAt(null);
      setFormKey((k) => k + 1);
    },
  };
}

/** "已恢复上次未保存的内容（10:32）" above a dialog's form, with a way to start afresh. */
export function DraftNotice({ draft }: { draft: DialogDraft<unknown> }) {
  const { t } = useTranslation('meetings');
  if (draft.restoredAt === null) return null;
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 12 }}
      title={t('drafts.restored', { time: dayjs(draft.restoredAt).format(t('drafts.timeFormat')) })}
      action={
        <Button size="small" onClick={draft.discard}>
          {t('drafts.discard')}
        </Button>
      }
    />
  );
}
