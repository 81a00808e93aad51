import './messages';
/** The matters register (说事登记) as the shell sees it: its two screens. */
export { MattersPage } from './MattersPage';
export { MatterPage } from './MatterPage';
export { PointsPage } from './PointsPage';
