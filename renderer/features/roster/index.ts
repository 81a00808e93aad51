import './messages';
/** The roster feature as other features see it. */
export { orgTreeOptions, type OrgTreeOption } from './orgOptions';
