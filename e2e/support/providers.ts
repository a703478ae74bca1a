// Built-in providers driven through Settings and the model picker, as a user does it.
import type { Page } from '@playwright/test';
import type { Emulator } from '../emulator';
import { expect } from './fixtures';

export const NAMES = { near: 'NEAR AI Cloud', nanogpt: 'NanoGPT', llmbase: 'LLMBase' } as const;
export type BuiltIn = keyof typeof NAMES;

export async function openSettings(page: Page) {
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  return page.getByRole('dialog', { name: 'Settings' });
}

export async function closeDialog(page: Page, name: string) {
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name })).toBeHidden();
}

/** Points a built-in at the emulator's mount and enters its key, in Settings. */
export async function connectBuiltIn(page: Page, emulator: Emulator, id: BuiltIn, opts: { key?: string } = {}) {
  const dialog = await openSettings(page);
  const card = dialog.getByRole('listitem', { name: NAMES[id] });
  await card.getByRole('button', { name: `Edit ${NAMES[id]} base URL` }).click();
  await card.getByLabel(`${NAMES[id]} base URL`).fill(emulator.bases[id]);
  await card.getByRole('button', { name: 'Save URL' }).click();
  await expect(card.getByText(emulator.bases[id], { exact: true })).toBeVisible();
  await card.getByLabel(`${NAMES[id]} key`).fill(opts.key ?? emulator.keys[id]);
  await card.getByRole('button', { name: 'Set key' }).click();
  await expect(card.getByText('Key saved', { exact: true })).toBeVisible();
  await closeDialog(page, 'Settings');
}

export async function openPicker(page: Page) {
  await page.getByRole('button', { name: /^Model: / }).click();
  const dialog = page.getByRole('dialog', { name: 'Choose a model' });
  await expect(dialog.getByRole('searchbox', { name: 'Search models' })).toBeFocused();
  return dialog;
}

/** A picker row: "<model name> — <provider name>, …". */
export const option = (dialog: ReturnType<Page['getByRole']>, model: string, provider: BuiltIn) =>
  rows(dialog).and(dialog.getByRole('option', { name: new RegExp(`^${escape(model)} — ${escape(NAMES[provider])},`) }));

/** The picker's model rows (not the <option>s of its filter selects). */
export const rows = (dialog: ReturnType<Page['getByRole']>) => dialog.getByRole('listbox', { name: 'Models' }).getByRole('option');

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Searches, selects the route and presses Enter; waits for the picker to close (or ask to confirm). */
export async function chooseModel(page: Page, query: string, model: string, provider: BuiltIn) {
  const dialog = await openPicker(page);
  await dialog.getByRole('searchbox', { name: 'Search models' }).fill(query);
  await option(dialog, model, provider).click();
  await expect(option(dialog, model, provider)).toHaveAttribute('aria-selected', 'true');
  await dialog.getByRole('searchbox', { name: 'Search models' }).press('Enter');
  const confirm = page.getByRole('dialog', { name: 'Leave the TEE?' });
  await expect.poll(async () => (await dialog.isHidden()) || (await confirm.isVisible())).toBe(true);
}
