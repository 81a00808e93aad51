import { meetingTemplateSchema, type MeetingTemplate, type MeetingType } from '../../../shared/domain/meeting';
import { defaultTemplates } from '../../../shared/meeting/schedule';
import type { YishiDb } from '../db';

/** The user's template for a meeting type; the built-in one until the user saves their own. */
export async function templateFor(db: YishiDb, type: MeetingType): Promise<MeetingTemplate> {
  const stored = await db.meetingTemplates.where('type').equals(type).first();
  if (stored) return stored;
  const builtIn = defaultTemplates().find((t) => t.type === type);
  if (!builtIn) throw new Error(`no template for ${type}`);
  return builtIn;
}

export async function saveTemplate(db: YishiDb, template: MeetingTemplate): Promise<void> {
  await db.meetingTemplates.put(meetingTemplateSchema.parse(template));
}
