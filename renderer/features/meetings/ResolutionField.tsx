import type { KeyboardEvent } from 'react';
import { Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ZodError } from 'zod';
import type { AgendaItem } from '../../../shared/domain/meeting';
import { useApp } from '../../app/AppContext';
import type { YishiDb } from '../../data/db';
import { SaveStatusLine, useAutosavedText, type SaveStatusTexts } from '../minutes';
import { AgendaItemMissingError, updateAgendaItem } from '../../data/repos/agendaRepo';
import { MeetingLockedError } from '../../data/repos/meetingGuard';
import './messages';
import { useWording } from '../../i18n/wording';

/** The stored form of a typed 决议: no surrounding blanks, and none at all means no resolution. */
const normalise = (text: string) => text.trim();

/** Writes the 决议 of agenda item `itemId`; the meeting's state is checked in the same transaction. */
async function saveResolution(db: YishiDb, itemId: string, text: string): Promise<void> {
  await updateAgendaItem(db, itemId, { resolution: normalise(text) || undefined });
}

/** Retrying cannot unlock a meeting, bring back a deleted item or make an invalid text valid. */
function isPermanent(error: unknown): boolean {
  return error instanceof MeetingLockedError || error instanceof AgendaItemMissingError || error instanceof ZodError;
}

/**
 * The 决议 of an agenda item: read-only text, or a field saved as it is typed, to the item it
 * was typed on, whatever item the screen has moved to since (live mode reuses the field).
 */
export function ResolutionField({ item, editable }: { item: AgendaItem; editable: boolean }) {
  const { t } = useTranslation('meetings');
  const w = useWording();
  if (editable) return <EditableResolution item={item} />;
  return item.resolution ? (
    <Typography.Paragraph style={{ marginTop: 12 }}>
      <Typography.Text strong>{w.label(t('live.resolution'))}</Typography.Text>
      {item.resolution}
    </Typography.Paragraph>
  ) : null;
}

function EditableResolution({ item }: { item: AgendaItem }) {
  const { t } = useTranslation('meetings');
  const { db } = useApp();
  const field = useAutosavedText({
    rowKey: item.id,
    stored: item.resolution ?? '',
    save: (key, text) => saveResolution(db, key, text),
    normalise,
    journalName: 'resolution',
    shouldRetry: (e) => !isPermanent(e),
  });
  const texts: SaveStatusTexts = {
    idle: t('live.resolutionIdle'),
    describeError: (e) =>
      e instanceof MeetingLockedError
        ? t('live.resolutionLocked')
        : e instanceof AgendaItemMissingError
          ? t('live.resolutionMissing')
          : undefined,
  };
  // The row whose text is on screen now: a keystroke belongs to it, even if props moved on.
  const key = field.textKey;
  const onKeyDown = (event: KeyboardEvent) => {
    // Ctrl/⌘+S saves now, as in the minutes, instead of the browser's "save page".
    if ((event.ctrlKey || event.metaKey) && !event.altKey && event.code === 'KeyS') {
      event.preventDefault();
      void field.flush();
    }
  };
  return (
    <div className="yishi-resolution" style={{ marginTop: 12 }}>
      <Typography.Text strong>{t('live.resolution')}</Typography.Text>
      <Input.TextArea
        aria-label={t('live.resolution')}
        rows={2}
        maxLength={2000}
        value={field.text}
        placeholder={t('live.resolutionPlaceholder')}
        onChange={(e) => field.change(key, e.target.value)}
        onBlur={() => void field.flush()}
        onKeyDown={onKeyDown}
      />
      <SaveStatusLine scheduler={field.scheduler} texts={texts} />
    </div>
  );
}
