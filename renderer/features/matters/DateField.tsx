import { DatePicker } from 'antd';
import dayjs from 'dayjs';

const FORMAT = 'YYYY-MM-DD';

/**
 * A calendar-date field whose form value is the text 'YYYY-MM-DD', never a dayjs object: the
 * repository checks exactly what is stored (shared/dates.ts), and says in Chinese what is wrong.
 */
export function DateField({
  value,
  onChange,
  id,
}: {
  value?: string | undefined;
  onChange?: (value: string | undefined) => void;
  id?: string;
}) {
  const picked = value ? dayjs(value, FORMAT, true) : null;
  return (
    <DatePicker
      id={id}
      value={picked?.isValid() ? picked : null}
      format={FORMAT}
      style={{ width: '100%' }}
      onChange={(d) => onChange?.(d ? d.format(FORMAT) : undefined)}
    />
  );
}
