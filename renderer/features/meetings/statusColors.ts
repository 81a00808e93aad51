import type { MeetingStatus } from '../../../shared/domain/meeting';
import type { PlainTagColor } from '../../app/PlainTable';

/**
 * A meeting's status tag colour, on the list and on the meeting's own page. A module of its own:
 * imported from the list, it made the meeting page's code load the whole list screen with it.
 */
export const STATUS_COLORS: Record<MeetingStatus, PlainTagColor> = {
  draft: 'blue',
  live: 'red',
  closed: 'orange',
  finalised: 'gold',
  signed: 'green',
  cancelled: 'default',
};
