import './messages';
/** The 工作台 as the shell sees it. */
export { WorkbenchPage } from './WorkbenchPage';
