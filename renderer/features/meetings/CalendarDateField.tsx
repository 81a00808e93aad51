import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import { useState, type FocusEvent } from 'react';
import { isCalendarDate } from '../../../shared/dates';

const FORMAT = 'YYYY-MM-DD';

/**
 * A calendar-date field of a Form: its value is the text 'YYYY-MM-DD' (a CalendarDate when
 * valid), never a dayjs object, so the shared rules check exactly what is stored.
 *
 * What it never does is refuse a date by itself. antd's `disabledDate` (or `minDate`) makes a
 * typed date that breaks the rule vanish on blur, and the form then reports the field as
 * empty: the real reason (e.g. 完成时限不能早于会议日期) is never said. Here every typed or
 * picked date reaches the form, and the Form.Item's rules say what is wrong with it. Text that
 * is not a date at all (2026-02-31) stays in the field and reaches the form as it is, so the
 * rules can say that too.
 */
export function CalendarDateField({
  value,
  onChange,
  id,
  placeholder,
}: {
  value?: string | undefined;
  onChange?: (value: string | undefined) => void;
  id?: string;
  placeholder?: string;
}) {
  // The picker is given the last real date while the field holds text that is not one: a
  // new picker value would overwrite the text the user typed, which the rules are talking about.
  const [shown, setShown] = useState<string | undefined>(isCalendarDate(value) ? value : undefined);
  if (isCalendarDate(value) && value !== shown) setShown(value);
  if (value === undefined && shown !== undefined) setShown(undefined);
  const picked = shown === undefined ? null : dayjs(shown, FORMAT);
  function onBlur(event: FocusEvent<HTMLElement>) {
    // The typed text as the user left it; the picker itself only reports dates it can parse.
    if (!(event.target instanceof HTMLInputElement)) return;
    const text = event.target.value.trim();
    if (text !== (value ?? '')) onChange?.(text === '' ? undefined : text);
  }
  return (
    <DatePicker
      id={id}
      value={picked}
      format={FORMAT}
      placeholder={placeholder}
      preserveInvalidOnBlur
      onChange={(d) => onChange?.(d ? d.format(FORMAT) : undefined)}
      onBlur={onBlur}
    />
  );
}
