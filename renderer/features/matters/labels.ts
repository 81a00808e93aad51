import { DEFAULT_MATTER_CATEGORIES, DEFAULT_MATTER_CHANNELS } from '../../../shared/domain/matter';
import type { MatterStage } from '../../../shared/domain/matterStage';
import type { Settings } from '../../../shared/settings';
import type { PlainTagColor } from '../../app/PlainTable';

/** Tag colours of the stages: red asks for action, blue is with a meeting, green is done. */
export const STAGE_COLORS: Record<MatterStage, PlainTagColor> = {
  untriaged: 'red',
  handling: 'orange',
  escalated: 'purple',
  awaitingMeeting: 'gold',
  onAgenda: 'blue',
  carriedOver: 'geekblue',
  decided: 'cyan',
  implementing: 'cyan',
  implemented: 'green',
  closed: 'green',
  merged: 'default',
};

/** The channel and category lists: the settings' own, else the defaults. */
export function matterLists(settings: Settings): { channels: string[]; categories: string[] } {
  return {
    channels: settings.matterChannels?.length ? settings.matterChannels : [...DEFAULT_MATTER_CHANNELS],
    categories: settings.matterCategories?.length ? settings.matterCategories : [...DEFAULT_MATTER_CATEGORIES],
  };
}
