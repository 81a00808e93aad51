import { useState } from 'react';
import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Decision } from '../../../shared/domain/decision';
import {
  isSupervisorName,
  PROGRESS_BY_MAX,
  PROGRESS_TEXT_MAX,
  type ProgressKind,
} from '../../../shared/followup/state';
import { useApp } from '../../app/AppContext';
import { recordStep } from '../../data/repos/followupRepo';
import { EvidencePicker } from './Evidence';
import type { PreparedFile } from '../../../shared/evidence/attachment';
import './messages';

const TEXT_LABEL: Record<ProgressKind, string> = {
  note: 'form.noteText',
  reportDone: 'form.reportText',
  confirm: 'form.confirmText',
  return: 'form.returnText',
};

/**
 * One 督办 step. The name starts as the one the step belongs to (the responsible party, or the
 * supervisor for 确认 / 退回); confirming under another name asks first, then records it as such.
 */
export function StepModal({
  decision,
  kind,
  onClose,
}: {
  decision: Decision;
  kind: ProgressKind;
  onClose: () => void;
}) {
  const { t } = useTranslation('followup');
  const { db } = useApp();
  const { modal, message } = App.useApp();
  const supervisorStep = kind === 'confirm' || kind === 'return';
  const [by, setBy] = useState(supervisorStep ? decision.supervisor.name : decision.responsible.name);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [files, setFiles] = useState<PreparedFile[]>([]);
  // Evidence belongs to what the responsible party reports (a note, the report of done).
  const withEvidence = kind === 'note' || kind === 'reportDone';

  async function save(otherThanSupervisor: boolean) {
    setSaving(true);
    try {
      const outcome = await recordStep(
        db,
        decision.id,
        { kind, by, text, otherThanSupervisor },
        new Date(),
        withEvidence ? files : [],
      );
      if (!outcome.ok) return setError(outcome.message);
      // One toast per page, replaced by the next step's, rather than a stack covering the title.
      void message.success({ content: t('form.saved'), key: 'followup-step' });
      onClose();
    } finally {
      setSaving(false);
    }
  }

  function submit() {
    if (supervisorStep && by.trim() && !isSupervisorName(decision.supervisor, by)) {
      modal.confirm({
        title: t('form.otherTitle'),
        content: t('form.otherLead', {
          supervisor: decision.supervisor.name,
          by: by.trim(),
          action: t(`steps.${kind}`),
        }),
        okText: t('form.otherOk'),
        onOk: () => save(true),
      });
      return;
    }
    void save(false);
  }

  return (
    <Modal
      open
      title={t(`steps.${kind}`)}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={saving}
      okText={t(`steps.${kind}`)}
      destroyOnHidden
    >
      <Form layout="vertical">
        <Form.Item
          label={t('form.by')}
          help={
            supervisorStep
              ? t('form.byHelpSupervisor', { name: decision.supervisor.name })
              : t('form.byHelpResponsible')
          }
        >
          <Input
            value={by}
            maxLength={PROGRESS_BY_MAX}
            onChange={(e) => setBy(e.target.value)}
            aria-label={t('form.by')}
          />
        </Form.Item>
        <Form.Item
          label={t(TEXT_LABEL[kind])}
          required={kind === 'note' || kind === 'return'}
          validateStatus={error ? 'error' : undefined}
          help={error ?? undefined}
        >
          <Input.TextArea
            value={text}
            rows={4}
            maxLength={PROGRESS_TEXT_MAX}
            showCount
            autoFocus
            aria-label={t(TEXT_LABEL[kind])}
            onChange={(e) => {
              setText(e.target.value);
              setError(null);
            }}
          />
        </Form.Item>
        {withEvidence && (
          <Form.Item label={t('pub.evidence.title')}>
            <EvidencePicker value={files} onChange={setFiles} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
