// Built-in providers (NEAR AI Cloud, NanoGPT, LLMBase) pointed at the emulator, and
// conversations put on a given model, for specs about features rather than setup.
import type { Page } from '@playwright/test';
import { api } from './app-api';
import type { Emulator } from '../emulator';
import { expect, type App } from './fixtures';

export type BuiltIn = 'near' | 'nanogpt' | 'llmbase';
export const BUILT_IN_NAMES: Record<BuiltIn, string> = { near: 'NEAR AI Cloud', nanogpt: 'NanoGPT', llmbase: 'LLMBase' };

/** One call on the app's API socket, exactly as the renderer makes it (for setup and for reading state). */
export const appApi = api;

/**
 * Points built-in providers at the emulator and sets their keys, through Settings as a user
 * does: the card's base URL editor, then its key field.
 */
export async function useBuiltIns(page: Page, emulator: Emulator, ids: BuiltIn[]) {
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  for (const id of ids) {
    const name = BUILT_IN_NAMES[id];
    const card = settings.getByRole('listitem', { name });
    await card.getByRole('button', { name: `Edit ${name} base URL` }).click();
    await card.getByLabel(`${name} base URL`).fill(emulator.bases[id]);
    await card.getByRole('button', { name: 'Save URL' }).click();
    await expect(card.getByText(emulator.bases[id])).toBeVisible();
    await card.getByLabel(`${name} key`).fill(emulator.keys[id]);
    await card.getByRole('button', { name: 'Set key' }).click();
    await expect(card.getByText('Key saved in the system keychain')).toBeVisible();
  }
  await page.keyboard.press('Escape');
  await expect(settings).toBeHidden();
}

interface Conv {
  id: string;
  createdAt: number;
  providerId: string | null;
  modelId: string | null;
}

/** The conversation the page shows (the most recently created one, in these specs). */
export async function newestConversation(app: App): Promise<Conv> {
  const list = await appApi<Conv[]>(app, 'conversations.list', {});
  return list.reduce((a, b) => (b.createdAt > a.createdAt ? b : a));
}

/**
 * Puts the open conversation on `provider`/`model` (the model picker has its own spec) and
 * waits until the header shows it and the catalog knows the model.
 */
export async function onModel(page: Page, app: App, providerId: BuiltIn, modelId: string, modelName: string | RegExp) {
  const c = await newestConversation(app);
  await appApi(app, 'conversations.update', { id: c.id, providerId, modelId });
  const button = page.getByRole('button', { name: /^Model: / });
  await expect(button).toContainText(BUILT_IN_NAMES[providerId]);
  await expect(button).toContainText(modelName);
  return c.id;
}

/** A new conversation on `provider`/`model`. */
export async function newConversationOn(page: Page, app: App, providerId: BuiltIn, modelId: string, modelName: string | RegExp) {
  const before = (await appApi<Conv[]>(app, 'conversations.list', {})).length;
  await page.getByRole('button', { name: 'New conversation', exact: true }).click();
  await expect.poll(async () => (await appApi<Conv[]>(app, 'conversations.list', {})).length).toBe(before + 1);
  return onModel(page, app, providerId, modelId, modelName);
}

/** The last chat completion request the emulator received from `provider`. */
export function lastChatRequest(emulator: Emulator, provider: BuiltIn) {
  const r = emulator.requests.filter((x) => x.provider === provider && x.path.endsWith('/chat/completions')).at(-1);
  if (!r) throw new Error(`no chat request reached ${provider}`);
  return r.json as { model: string; messages: { role: string; content: unknown }[]; [k: string]: unknown };
}

export function chatRequests(emulator: Emulator, provider: BuiltIn) {
  return emulator.requests.filter((x) => x.provider === provider && x.path.endsWith('/chat/completions')).map((r) => r.json as { model: string; messages: { role: string; content: unknown }[]; [k: string]: unknown });
}
