import './messages';
/** The escalation ladder (上报与协调) as other features see it: the matter page's section and the settings card. */
export { EscalationSection } from './EscalationSection';
export { SummonDepartmentsCard } from './SummonDepartmentsCard';
