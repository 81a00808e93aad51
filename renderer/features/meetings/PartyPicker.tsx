import { useMemo, useState } from 'react';
import { AutoComplete } from '../../app/controls';
import type { PartyRef } from '../../../shared/domain/party';
import { personMatches } from '../../../shared/domain/person';
import { useWording } from '../../i18n/wording';

export interface PartyOption {
  personId: string;
  name: string;
  unit?: string | undefined;
  initials?: string;
}

/**
 * Picks a roster person or takes free text (a unit such as 物业公司, or a guest): the value keeps
 * the person's id when one was picked, so the record links to the roster.
 */
export function PartyPicker({
  value,
  onChange,
  options,
  placeholder,
  id,
}: {
  value?: PartyRef | undefined;
  onChange?: (value: PartyRef | undefined) => void;
  options: readonly PartyOption[];
  placeholder?: string;
  id?: string;
}) {
  const [query, setQuery] = useState<string | null>(null);
  const w = useWording();
  const text = query ?? value?.name ?? '';
  const shown = useMemo(
    () =>
      options
        .filter((o) => personMatches({ name: o.name, initials: o.initials ?? '', unit: o.unit }, text))
        .slice(0, 30)
        .map((o) => ({ value: o.personId, label: o.unit ? w.withNote(o.name, o.unit) : o.name })),
    [options, text, w],
  );
  return (
    <AutoComplete
      id={id}
      value={text}
      options={shown}
      placeholder={placeholder}
      allowClear
      onSearch={(q) => {
        setQuery(q);
        onChange?.(q.trim() ? { kind: 'text', name: q.trim() } : undefined);
      }}
      onSelect={(personId: string) => {
        const picked = options.find((o) => o.personId === personId);
        if (!picked) return;
        setQuery(null);
        onChange?.({ kind: 'person', personId: picked.personId, name: picked.name });
      }}
      onClear={() => {
        setQuery(null);
        onChange?.(undefined);
      }}
    />
  );
}
