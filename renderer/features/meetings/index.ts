import './messages';
/** The meetings feature as other features see it (the 工作台 prepares the next 党群议事日 with it). */
export { NewMeetingModal } from './NewMeetingModal';
