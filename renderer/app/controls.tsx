import { useMemo, useState, type ReactElement, type ReactNode } from 'react';
import { CloseCircleFilled } from '@ant-design/icons';
import {
  AutoComplete as AntAutoComplete,
  Select as AntSelect,
  TreeSelect as AntTreeSelect,
  type AutoCompleteProps,
  type SelectProps,
  type TreeSelectProps,
} from 'antd';
import type { BaseOptionType, DefaultOptionType } from 'antd/es/select';
import { useTranslation } from 'react-i18next';

/**
 * antd's selects with their clear button named in the user's language. rc-select labels that
 * button "Clear" (aria-label, what a screen reader says) whatever the locale, and antd's locale
 * has no word for it; `allowClear={{ label }}` is the only way in. Screens import these instead
 * of antd's (lint refuses antd's Select, TreeSelect and AutoComplete in features).
 */
type AllowClear = boolean | { clearIcon?: ReactNode; label?: string } | undefined;

function useAllowClear(allowClear: AllowClear): AllowClear {
  const { t } = useTranslation();
  if (!allowClear) return allowClear;
  // antd draws its own icon only for `allowClear={true}`: give the same one with the object form.
  const given = allowClear === true ? {} : allowClear;
  return { clearIcon: <CloseCircleFilled />, ...given, label: given.label ?? t('common.clear') };
}

export function Select<V = unknown, O extends BaseOptionType | DefaultOptionType = DefaultOptionType>(
  props: SelectProps<V, O>,
): ReactElement {
  return <AntSelect<V, O> {...props} allowClear={useAllowClear(props.allowClear)} />;
}

export function TreeSelect<V = unknown>(props: TreeSelectProps<V>): ReactElement {
  return <AntTreeSelect<V> {...props} allowClear={useAllowClear(props.allowClear)} />;
}

export function AutoComplete<V = unknown, O extends BaseOptionType | DefaultOptionType = DefaultOptionType>(
  props: AutoCompleteProps<V, O>,
): ReactElement {
  return <AntAutoComplete<V, O> {...props} allowClear={useAllowClear(props.allowClear)} />;
}

/**
 * A Select over a long list (a district's 1,230 units): antd flattens and indexes every option
 * as it mounts, ~20 ms of the 工作台's first frame for a list nobody has opened yet. Until it is
 * first opened (a click, a key, typing to search) it holds the chosen option only, which it draws
 * the same way.
 */
export function LongListSelect<V = unknown, O extends BaseOptionType | DefaultOptionType = DefaultOptionType>(
  props: SelectProps<V, O>,
): ReactElement {
  const [opened, setOpened] = useState(false);
  const { options, value, onOpenChange } = props;
  const given = useMemo(
    () => (opened ? options : options?.filter((o) => o.value !== undefined && o.value === value)),
    [opened, options, value],
  );
  return (
    <Select<V, O>
      {...props}
      options={given}
      onOpenChange={(open) => {
        if (open) setOpened(true);
        onOpenChange?.(open);
      }}
    />
  );
}
