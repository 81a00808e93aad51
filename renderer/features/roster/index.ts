import './messages';
/** The roster feature as other features see it. */
export { orgListOptions, orgTreeOptions, unitWithLevel, type OrgListOption, type OrgTreeOption } from './orgOptions';
/** The spreadsheet reader and writer of the roster import, loaded on first use (exceljs is large). */
export const loadSpreadsheet = () => import('./import/spreadsheet');
export { describeProblem as describeFileProblem } from './import/messages';
export { SheetImportDialog, type SheetCheck } from './import/SheetImportDialog';
export { useOrgListOptions, useOrgTreeOptions } from './useOrgOptions';
/** The roster a page at a time from its indexes (the invitation picker of a meeting). */
export { useRosterReader, useRosterView } from './useRoster';
