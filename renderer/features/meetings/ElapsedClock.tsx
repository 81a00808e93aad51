import { useEffect, useState } from 'react';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import './messages';

function mmss(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

/** Ticks on its own so the live page (and the editor in it) does not re-render every second. */
export function ElapsedClock({ since, plannedMinutes }: { since?: string | undefined; plannedMinutes: number }) {
  const { t } = useTranslation('meetings');
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  if (!since) return null;
  const elapsed = now - Date.parse(since);
  const over = elapsed > plannedMinutes * 60_000;
  return (
    <Tag color={over ? 'red' : 'green'} data-testid="elapsed">
      {t('live.elapsed', { time: mmss(elapsed) })}
      {over ? ` · ${t('live.overtime')}` : ''}
    </Tag>
  );
}
