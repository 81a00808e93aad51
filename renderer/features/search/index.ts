import './messages';
/** 全库检索 as the shell sees it: its screen (loaded when first opened). */
export { SearchPage } from './SearchPage';
