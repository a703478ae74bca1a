import { z } from 'zod';
import { call, Empty } from './common';

export const Settings = z.object({
  theme: z.enum(['system', 'light', 'dark']),
  textSize: z.enum(['small', 'medium', 'large']),
  autoVerify: z.boolean(),
  notifications: z.boolean(),
  defaultBudgetUsd: z.number().nonnegative().nullable(),
  sidebarWidth: z.number().int().min(180).max(600),
  lastConversationId: z.string().max(200).nullable(),
});
export type Settings = z.infer<typeof Settings>;

export const appCalls = {
  'app.info': call(Empty, z.object({ version: z.string(), mode: z.enum(['electron', 'web']), dataDir: z.string() })),
  'settings.get': call(Empty, Settings),
  'settings.update': call(Settings.partial().strict(), Settings),
};

export const appEvents = {
  /** Something the user must know that belongs to no call (e.g. the disk became read-only). */
  'app.alert': z.object({ level: z.enum(['warning', 'error']), message: z.string() }),
};
