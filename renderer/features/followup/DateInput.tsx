import { DatePicker } from 'antd';
import dayjs from 'dayjs';

const FORMAT = 'YYYY-MM-DD';

/** A calendar date as its text 'YYYY-MM-DD' (what the shared rules check), picked or typed. */
export function DateInput({
  value,
  onChange,
  id,
  'aria-label': label,
}: {
  value?: string | undefined;
  onChange?: (value: string | undefined) => void;
  id?: string;
  'aria-label'?: string;
}) {
  const picked = value && dayjs(value, FORMAT, true).isValid() ? dayjs(value, FORMAT) : null;
  return (
    <DatePicker
      id={id}
      aria-label={label}
      value={picked}
      format={FORMAT}
      onChange={(d) => onChange?.(d ? d.format(FORMAT) : undefined)}
    />
  );
}
