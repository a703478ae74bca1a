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

/** What the application menu (and a notification click) asks the renderer to do; the renderer's shortcuts run the same commands. */
export const AppCommand = z.enum([
  'conversation.new',
  'conversation.previous',
  'conversation.next',
  /** Show `conversationId` (a notification about its reply was clicked). */
  'conversation.open',
  'model.pick',
  'search.focus',
  'settings.open',
  'generation.stop',
  'composer.focus',
  'shortcuts.show',
]);
export type AppCommand = z.infer<typeof AppCommand>;

export const appEvents = {
  /** Something the user must know that belongs to no call (e.g. the disk became read-only). */
  'app.alert': z.object({ level: z.enum(['warning', 'error']), message: z.string() }),
  /** Electron main → renderer only (menu items, notification clicks); browser mode never emits it. */
  'app.command': z.object({ command: AppCommand, conversationId: z.string().max(200).optional() }),
};
