import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgUnit } from '../../../shared/domain/org';
import { useWording } from '../../i18n/wording';
import { orgListOptions, orgTreeOptions, unitWithLevel, type OrgListOption, type OrgTreeOption } from './orgOptions';

/** The units as a picker's tree, each titled with its level (胜兴社区（社区）), in the locale shown. */
export function useOrgTreeOptions(units: readonly OrgUnit[]): OrgTreeOption[] {
  const { t } = useTranslation();
  const w = useWording();
  return useMemo(
    () =>
      orgTreeOptions(
        units,
        unitWithLevel(w, (level) => t(`levels.${level}`)),
      ),
    [units, t, w],
  );
}

/** The same as a flat, indented list for a plain Select. */
export function useOrgListOptions(units: readonly OrgUnit[]): OrgListOption[] {
  const { t } = useTranslation();
  const w = useWording();
  return useMemo(
    () =>
      orgListOptions(
        units,
        unitWithLevel(w, (level) => t(`levels.${level}`)),
      ),
    [units, t, w],
  );
}
