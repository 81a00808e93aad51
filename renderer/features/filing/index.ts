import './messages';
/** 备案包 and 审阅 as other features see them: the meeting's and the list's buttons, the results. */
export { useFilingExport } from './useFilingExport';
export { MonthlyFilingButton } from './MonthlyFilingButton';
export { ImportResponseButton } from './ImportResponseButton';
export { ReviewResults } from './ReviewResults';
