// Sending through the UI with the emulator's next replies queued, for specs that script
// what a provider does (faults, very large replies).
import type { Page } from '@playwright/test';
import type { EmuProvider, Emulator, Step } from '../emulator';
import { addProvider, assistant, expect, send } from './fixtures';

export const MODELS: Record<EmuProvider, string> = { openai: 'gpt-4o-mini', near: 'deepseek-ai/DeepSeek-V3.1', nanogpt: 'deepseek/deepseek-v3.2', llmbase: 'gpt-4o-mini' };

/** A provider on one emulator mount, added through Settings, and a fresh conversation on it. */
export async function setUp(page: Page, emulator: Emulator, mount: EmuProvider = 'openai') {
  await addProvider(page, { name: `Emu ${mount}`, baseUrl: emulator.bases[mount], apiKey: emulator.keys[mount], model: MODELS[mount] });
  await page.getByRole('button', { name: 'New conversation' }).click();
}

/** Sends `text` with `steps` queued, and returns the reply it produced. */
export async function sendWith(page: Page, emulator: Emulator, mount: EmuProvider, steps: Step[], text = 'Trigger the fault') {
  emulator.script(mount, steps);
  const before = await assistant(page).count();
  await send(page, text);
  // Generous: on a loaded CI machine the reply's article may take a while to appear.
  await expect(assistant(page)).toHaveCount(before + 1, { timeout: 30_000 });
  return assistant(page).nth(before);
}

/** The next message gets a normal reply, and the failed one above stays marked. */
export async function expectNextWorks(page: Page, emulator: Emulator, mount: EmuProvider = 'openai') {
  const failed = assistant(page).nth((await assistant(page).count()) - 1);
  const hadAlert = (await failed.getByRole('alert').count()) > 0;
  const reply = await sendWith(page, emulator, mount, [{ kind: 'reply', text: 'Back to normal.', reasoning: '' }], 'Next message');
  await expect(reply).toContainText('Back to normal.', { timeout: 30_000 });
  await expect(reply).toHaveAttribute('aria-busy', 'false');
  await expect(reply.getByRole('alert')).toHaveCount(0);
  if (hadAlert) await expect(failed.getByRole('alert')).toBeVisible();
}
