import { useState } from 'react';
import { Button, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Decision } from '../../../shared/domain/decision';
import type { HouseholdConsultation, Vote } from '../../../shared/domain/vote';
import { voteResult } from '../../../shared/domain/vote';
import { DECISION_COLUMNS, decisionColumnPercent } from '../../../shared/meeting/decisionColumns';
import type { MeetingRecord } from '../../../shared/meeting/record';
import type { AgendaItem } from '../../../shared/domain/meeting';
import { useApp } from '../../app/AppContext';
import { deleteDecision, deleteVote } from '../../data/repos/decisionsRepo';
import { DecisionModal } from './DecisionModal';
import { VoteModal } from './VoteModal';
import { HouseholdModal } from './HouseholdModal';
import { householdAgreedPercent } from '../../../shared/domain/household';
import { DecisionFollowupLink } from '../followup';
import './messages';
import { useWording } from '../../i18n/wording';

/**
 * An open dialog, with the agenda item it was opened on: what it saves goes to that item even
 * if the screen has moved to another one meanwhile.
 */
export type OutcomeDialog = { itemId: string } & (
  | { kind: 'decision'; decision: Decision | null }
  | { kind: 'vote'; vote: Vote | null }
  | { kind: 'household'; consultation: HouseholdConsultation | null }
);

/** Decisions, votes and household consultations of one agenda item, with their dialogs. */
export function ItemOutcomes({
  record,
  item,
  editable,
  dialog,
  onDialog,
}: {
  record: MeetingRecord;
  item: AgendaItem;
  editable: boolean;
  dialog?: OutcomeDialog | null;
  onDialog?: (d: OutcomeDialog | null) => void;
}) {
  const { t } = useTranslation('meetings');
  const { t: tc } = useTranslation();
  const w = useWording();
  const { db } = useApp();
  const [ownDialog, setOwnDialog] = useState<OutcomeDialog | null>(null);
  const open = dialog !== undefined ? dialog : ownDialog;
  const setOpen = onDialog ?? setOwnDialog;
  const decisions = record.decisions.filter((d) => d.agendaItemId === item.id);
  const votes = record.votes.filter((v) => v.agendaItemId === item.id);
  const households = record.householdConsultations.filter((h) => h.agendaItemId === item.id);
  const dialogItem = open ? record.agendaItems.find((i) => i.id === open.itemId) : undefined;
  const idsOnDialogItem = (rows: readonly { id: string; agendaItemId: string }[]) =>
    rows.filter((r) => r.agendaItemId === dialogItem?.id).map((r) => r.id);

  return (
    <div>
      <Space style={{ margin: '12px 0' }} wrap>
        <Typography.Text strong>{t('live.decisions')}</Typography.Text>
        {editable && (
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() => setOpen({ itemId: item.id, kind: 'decision', decision: null })}
          >
            {t('live.newDecision')}
          </Button>
        )}
        {editable && (
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() => setOpen({ itemId: item.id, kind: 'vote', vote: null })}
          >
            {t('live.newVote')}
          </Button>
        )}
        {editable && (
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() => setOpen({ itemId: item.id, kind: 'household', consultation: null })}
          >
            {t('live.newHousehold')}
          </Button>
        )}
      </Space>
      {decisions.length > 0 && !editable && (
        <DecisionsTable decisions={decisions} followed={record.meeting.status === 'signed'} />
      )}
      {decisions.length > 0 && editable && (
        <Table<Decision>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={decisions}
          columns={[
            ...DECISION_COLUMNS.map((c) => ({
              key: c.id,
              title: t(`decision.${c.id}`),
              width: decisionColumnPercent(c),
              render: (_: unknown, d: Decision) => c.text(d),
            })),
            ...(editable
              ? [
                  {
                    title: '',
                    width: 110,
                    render: (_: unknown, d: Decision) => (
                      <Space size={0}>
                        <Button
                          size="small"
                          type="link"
                          onClick={() => setOpen({ itemId: item.id, kind: 'decision', decision: d })}
                        >
                          {tc('common.edit')}
                        </Button>
                        <Button size="small" type="link" danger onClick={() => void deleteDecision(db, d.id)}>
                          {tc('common.delete')}
                        </Button>
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
      {votes.map((v) => {
        const result = voteResult(v);
        return (
          <div key={v.id} style={{ marginTop: 8 }} data-testid="vote-line">
            <Tag color="purple">{t('vote.title')}</Tag>
            {t('vote.line', {
              subject: v.subject,
              method: t(`vote.methods.${v.method}`),
              agree: v.agree,
              disagree: v.disagree,
              abstain: v.abstain,
              voters: v.presentVoters,
            })}
            <Typography.Text strong type={result.ok && result.passed ? 'success' : 'danger'}>
              {result.ok && result.passed ? t('vote.passed') : t('vote.failed')}
            </Typography.Text>
            {editable && (
              <Button size="small" type="link" onClick={() => setOpen({ itemId: item.id, kind: 'vote', vote: v })}>
                {tc('common.edit')}
              </Button>
            )}
            {editable && (
              <Button size="small" type="link" danger onClick={() => void deleteVote(db, v.id)}>
                {tc('common.delete')}
              </Button>
            )}
          </div>
        );
      })}
      {households.map((h) => (
        <div key={h.id} style={{ marginTop: 8 }}>
          <Tag color="cyan">{t('household.title')}</Tag>
          {w.labelled(
            h.subject,
            t('household.summary', {
              asked: h.asked,
              agreed: h.agreed,
              disagreed: h.disagreed,
              notReached: h.notReached,
              percent: householdAgreedPercent(h),
            }),
          )}
          {editable && (
            <Button
              size="small"
              type="link"
              onClick={() => setOpen({ itemId: item.id, kind: 'household', consultation: h })}
            >
              {tc('common.edit')}
            </Button>
          )}
        </div>
      ))}
      {open?.kind === 'decision' && dialogItem && (
        <DecisionModal
          meeting={record.meeting}
          agendaItemId={dialogItem.id}
          attendance={record.attendance}
          decision={open.decision}
          siblingIds={idsOnDialogItem(record.decisions)}
          onClose={() => setOpen(null)}
        />
      )}
      {open?.kind === 'vote' && dialogItem && (
        <VoteModal
          meeting={record.meeting}
          item={dialogItem}
          attendance={record.attendance}
          vote={open.vote}
          siblingIds={idsOnDialogItem(record.votes)}
          onClose={() => setOpen(null)}
        />
      )}
      {open?.kind === 'household' && dialogItem && (
        <HouseholdModal
          meeting={record.meeting}
          item={dialogItem}
          consultation={open.consultation}
          siblingIds={idsOnDialogItem(record.householdConsultations)}
          onClose={() => setOpen(null)}
        />
      )}
    </div>
  );
}

/**
 * The decisions of a past meeting, read only: a plain table in the look of antd's small one.
 * antd's Table measures the page on every mount (a forced layout), which on a long past meeting
 * with a table per agenda item cost more than drawing the rows.
 */
function DecisionsTable({ decisions, followed }: { decisions: readonly Decision[]; followed: boolean }) {
  const { t } = useTranslation('meetings');
  const w = useWording();
  return (
    <table className="yishi-plain-table">
      <thead>
        <tr>
          {DECISION_COLUMNS.map((c) => (
            <th key={c.id} style={{ width: decisionColumnPercent(c) }}>
              {t(`decision.${c.id}`)}
            </th>
          ))}
          {followed && <th style={{ width: '12%' }}>{t('followup:nav')}</th>}
        </tr>
      </thead>
      <tbody>
        {decisions.map((d) => (
          <tr key={d.id}>
            {/* The documents write the deadline in Chinese; the screen in the user's language. */}
            {DECISION_COLUMNS.map((c) => (
              <td key={c.id}>{c.id === 'deadline' ? w.date(d.deadline) : c.text(d)}</td>
            ))}
            {followed && (
              <td>
                <DecisionFollowupLink decision={d} />
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
