import { z } from 'zod';

/** 居民说事 channels (三级双线). */
export const MATTER_CHANNELS = ['hall', 'compoundPoint', 'wechatGroup', 'visit', 'online'] as const;
/** 即办件 handle at once · 待办件 needs deliberation · 上报件 escalate. */
export const MATTER_KINDS = ['immediate', 'pending', 'escalate'] as const;
export const MATTER_STATUSES = ['registered', 'onAgenda', 'inProgress', 'solved', 'escalated'] as const;

export const matterSchema = z.object({
  id: z.string().min(1),
  orgUnitId: z.string().min(1),
  title: z.string().trim().min(1).max(100),
  description: z.string().max(5000).optional(),
  raisedBy: z.string().max(60).optional(),
  channel: z.enum(MATTER_CHANNELS),
  kind: z.enum(MATTER_KINDS),
  status: z.enum(MATTER_STATUSES),
  createdAt: z.string(),
});
export type Matter = z.infer<typeof matterSchema>;
