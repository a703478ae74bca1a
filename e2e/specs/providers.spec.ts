// Issue 3 end to end, per built-in provider against the emulator: key entry through
// Settings, chat, switching model (and provider) mid-conversation with every reply labelled,
// Private-only refusal and the leave-the-TEE question, LLMBase fallback, 429 countdown, 401.
import { assistant, clickToOpen, expect, send, test } from '../support/fixtures';
import { chooseModel, closeDialog, connectBuiltIn, openPicker, openSettings, rows } from '../support/providers';

// Server errors retry quickly here, so the fallback-off 503 settles fast.
test.use({ hostEnv: { PARLEY_RETRY_BACKOFF_MS: '100' } });

/** The retry note (a reply also holds other status regions, e.g. its actions' feedback). */
const retryNote = (reply: ReturnType<typeof assistant>) => reply.getByRole('status').filter({ hasText: /Retrying/ });
const provenance = (reply: ReturnType<typeof assistant>) => reply.locator('.provenance');

async function reply(page: Parameters<typeof send>[0], text: string) {
  const before = await assistant(page).count();
  await send(page, text);
  const r = assistant(page).nth(before);
  await expect(r).toHaveAttribute('aria-busy', 'false', { timeout: 20_000 });
  return r;
}

test('NEAR, then LLMBase, then NanoGPT in one conversation: each reply says who wrote it', async ({ page, emulator }) => {
  await connectBuiltIn(page, emulator, 'near');
  await connectBuiltIn(page, emulator, 'llmbase');
  await connectBuiltIn(page, emulator, 'nanogpt');
  await page.getByRole('button', { name: 'New conversation', exact: true }).click();
  // The first provider with a key gives the new conversation its default model.
  await expect(page.getByRole('button', { name: 'Model: GPT OSS 120B' })).toBeVisible();

  const first = await reply(page, 'Hello NEAR');
  await expect(first).toContainText('Echo: Hello NEAR');
  await expect(provenance(first)).toContainText('GPT OSS 120B');
  await expect(provenance(first)).toContainText('NEAR AI Cloud');
  await expect(provenance(first).locator('.privacy-badge')).toHaveAttribute('title', /TEE/);
  await expect(page.locator('.chat-header .privacy-badge')).toContainText('Private');

  // Private → Standard with a Private reply in the history: asked first; Cancel keeps the model.
  await chooseModel(page, 'v4 flash', 'DeepSeek: DeepSeek V4 Flash', 'llmbase');
  const confirm = page.getByRole('dialog', { name: 'Leave the TEE?' });
  await expect(confirm).toContainText('The conversation so far will be sent to DeepSeek: DeepSeek V4 Flash, outside the TEE. Switch anyway?');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Model: GPT OSS 120B' })).toBeVisible();
  await chooseModel(page, 'v4 flash', 'DeepSeek: DeepSeek V4 Flash', 'llmbase');
  await confirm.getByRole('button', { name: 'Switch anyway' }).click();
  await expect(page.getByRole('button', { name: 'Model: DeepSeek: DeepSeek V4 Flash' })).toBeVisible();

  const second = await reply(page, 'Hello LLMBase');
  await expect(provenance(second)).toContainText('DeepSeek: DeepSeek V4 Flash');
  await expect(provenance(second)).toContainText('LLMBase');
  await expect(provenance(second)).toContainText('Standard');
  // The whole history went to LLMBase with the new model.
  const toLlmbase = emulator.requests.filter((r) => r.provider === 'llmbase' && r.path.endsWith('/chat/completions'));
  expect(toLlmbase).toHaveLength(1);
  expect(toLlmbase[0]!.json).toMatchObject({ model: 'deepseek/deepseek-v4-flash', messages: [{ role: 'user', content: 'Hello NEAR' }, { role: 'assistant' }, { role: 'user', content: 'Hello LLMBase' }] });

  // Standard → Standard: no question.
  await chooseModel(page, 'glm 4.7', 'GLM 4.7', 'nanogpt');
  await expect(page.getByRole('button', { name: 'Model: GLM 4.7' })).toBeVisible();
  const third = await reply(page, 'Hello NanoGPT');
  await expect(provenance(third)).toContainText('GLM 4.7');
  await expect(provenance(third)).toContainText('NanoGPT');

  // Earlier replies keep their own labels.
  await expect(provenance(first)).toContainText('NEAR AI Cloud');
  await expect(provenance(second)).toContainText('LLMBase');
});

test('Private models only: the picker offers only Private models and a non-Private send is refused', async ({ page, emulator }) => {
  await connectBuiltIn(page, emulator, 'near');
  await page.getByRole('button', { name: 'New conversation', exact: true }).click();
  await chooseModel(page, 'sonnet', 'Claude Sonnet 4.5', 'near');
  await expect(page.getByRole('button', { name: 'Model: Claude Sonnet 4.5' })).toBeVisible();
  await expect(page.locator('.chat-header .privacy-badge')).toContainText('Anonymised');

  // Turning it on with an Anonymised model opens the picker on Private models only.
  await page.getByRole('switch', { name: 'Private models only' }).check();
  const dialog = page.getByRole('dialog', { name: 'Choose a model' });
  await expect(dialog).toContainText('accepts Private models only');
  await expect(dialog.getByLabel('Privacy')).toBeDisabled();
  const names = await rows(dialog).evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
  expect(names.length).toBeGreaterThan(2);
  for (const n of names) expect(n).toContain(', Private,');
  await page.keyboard.press('Escape');

  // Sending to the Anonymised model anyway: refused before anything leaves, with the fix at hand.
  await send(page, 'a secret');
  const problem = page.locator('.send-error');
  await expect(problem).toContainText('Private models only');
  expect(emulator.requests.filter((r) => r.path.endsWith('/chat/completions'))).toHaveLength(0);
  await problem.getByRole('button', { name: 'Choose model' }).click();
  const again = page.getByRole('dialog', { name: 'Choose a model' });
  await again.getByRole('searchbox', { name: 'Search models' }).fill('gpt oss');
  await again.getByRole('searchbox', { name: 'Search models' }).press('Enter');
  await expect(page.getByRole('button', { name: 'Model: GPT OSS 120B' })).toBeVisible();
  const ok = await reply(page, 'a secret');
  await expect(ok).toContainText('Echo: a secret');
  await expect(provenance(ok)).toContainText('Private');
});

test('LLMBase fallback: the reply says which model served and why; the switch turns fallback off', async ({ page, emulator }) => {
  await connectBuiltIn(page, emulator, 'llmbase');
  await page.getByRole('button', { name: 'New conversation', exact: true }).click();
  await chooseModel(page, 'kimi k2.6', 'MoonshotAI: Kimi K2.6', 'llmbase');
  const r = await reply(page, 'Who answers?');
  await expect(provenance(r)).toContainText('MoonshotAI: Kimi K2.6');
  const badge = provenance(r).getByRole('button', { name: 'served by MoonshotAI: Kimi K2.5 (fallback)' });
  await expect(badge).toHaveAttribute('title', 'Fallback: model_unavailable');
  await clickToOpen(badge, provenance(r).getByRole('note'));
  await expect(badge).toHaveAttribute('aria-expanded', 'true');
  await expect(provenance(r).getByRole('note')).toContainText('Reason: model_unavailable');
  await expect(provenance(r).getByRole('note')).toContainText('moonshotai/kimi-k2.6 → moonshotai/kimi-k2.5');
  expect(emulator.requests.find((q) => q.path.endsWith('/chat/completions'))!.headers['x-llmbase-fallback']).toBeUndefined();

  const settings = await openSettings(page);
  const fallbackSwitch = settings.getByRole('listitem', { name: 'LLMBase' }).getByRole('switch', { name: /Allow fallback models/ });
  await expect(fallbackSwitch).toBeChecked();
  await fallbackSwitch.uncheck();
  await expect(fallbackSwitch).not.toBeChecked();
  // Saving does not take keyboard focus away from the switch, so Escape still closes Settings.
  await expect(fallbackSwitch).toBeFocused();
  await closeDialog(page, 'Settings');
  const refused = await reply(page, 'Again, no fallback');
  await expect(refused.getByRole('alert')).toContainText(/fallback is disabled/);
  const chats = emulator.requests.filter((q) => q.path.endsWith('/chat/completions'));
  expect(chats.at(-1)!.headers['x-llmbase-fallback']).toBe('off');
});

test('429: a visible countdown, then the retry succeeds; Cancel stops a wait; 401 opens Settings', async ({ page, emulator }) => {
  await connectBuiltIn(page, emulator, 'nanogpt');
  await page.getByRole('button', { name: 'New conversation', exact: true }).click();

  emulator.script('nanogpt', [{ kind: 'http-error', status: 429, retryAfter: 2 }, { kind: 'reply', text: 'Worth the wait.', reasoning: '' }]);
  await send(page, 'Busy?');
  const waiting = assistant(page).last();
  await expect(retryNote(waiting)).toContainText(/Rate limited — Retrying in [12]s/);
  await expect(waiting.getByRole('button', { name: 'Cancel' })).toBeVisible();
  await expect(waiting).toContainText('Worth the wait.', { timeout: 15_000 });
  await expect(retryNote(waiting)).toHaveCount(0);

  // Cancel during the wait: the reply stops, nothing more is requested.
  emulator.script('nanogpt', [{ kind: 'http-error', status: 429, retryAfter: 30 }]);
  await send(page, 'Busy again?');
  const second = assistant(page).last();
  await expect(retryNote(second)).toContainText(/Retrying in \d+s/);
  // One countdown: the provider's own "retry in 30 s" does not sit beside it, going stale.
  await expect(retryNote(second)).toContainText('daily request limit is used up');
  await expect(retryNote(second)).not.toContainText('retry in 30 s');
  const before = emulator.requests.filter((q) => q.path.endsWith('/chat/completions')).length;
  await second.getByRole('button', { name: 'Cancel' }).click();
  await expect(second).toHaveAttribute('aria-busy', 'false');
  await expect(second).toContainText('Stopped');
  expect(emulator.requests.filter((q) => q.path.endsWith('/chat/completions')).length).toBe(before);

  emulator.script('nanogpt', [{ kind: 'http-error', status: 401 }]);
  const rejected = await reply(page, 'Key?');
  const alert = rejected.getByRole('alert');
  await expect(alert).toContainText('Key rejected · Error 401');
  await alert.getByRole('button', { name: 'Open Settings' }).click();
  await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible();

  await page.keyboard.press('Escape');
  emulator.script('nanogpt', [{ kind: 'http-error', status: 402 }]);
  const broke = await reply(page, 'Credit?');
  await expect(broke.getByRole('alert')).toContainText('Out of credit · Error 402');
  // The picker still opens from the header afterwards.
  await openPicker(page);
});

test('keyboard: focus stays in the card through editing the URL, setting, replacing and removing a key', async ({ page, emulator }) => {
  const dialog = await openSettings(page);
  const card = dialog.getByRole('listitem', { name: 'NanoGPT' });

  await card.getByRole('button', { name: 'Edit NanoGPT base URL' }).press('Enter');
  await expect(card.getByLabel('NanoGPT base URL')).toBeFocused();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(emulator.bases.nanogpt);
  await page.keyboard.press('Enter');
  await expect(card.getByText(emulator.bases.nanogpt, { exact: true })).toBeVisible();
  await expect(card.getByRole('button', { name: 'Edit NanoGPT base URL' })).toBeFocused();

  await card.getByLabel('NanoGPT key').fill(emulator.keys.nanogpt);
  await card.getByLabel('NanoGPT key').press('Enter');
  await expect(card.getByText('Key saved in the system keychain')).toBeVisible();
  await expect(card.getByRole('button', { name: 'Replace key' })).toBeFocused();

  await page.keyboard.press('Enter');
  await expect(card.getByLabel('NanoGPT key')).toBeFocused();
  await page.keyboard.press('Escape');
  // Escape in the key field closes the dialog like anywhere else in it; reopen and remove the key.
  await expect(dialog).toBeHidden();
  await openSettings(page);
  await card.getByRole('button', { name: 'Remove key' }).press('Enter');
  await expect(card.getByLabel('NanoGPT key')).toBeFocused();
  await closeDialog(page, 'Settings');
});

test('keyboard: after adding or removing a provider, focus is on "Add provider"', async ({ page, emulator }) => {
  const dialog = await openSettings(page);
  const add = dialog.getByRole('button', { name: 'Add provider' });
  await add.press('Enter');
  await expect(dialog.getByLabel('Name', { exact: true })).toBeFocused();
  await page.keyboard.type('My gateway');
  await dialog.getByLabel('Base URL').fill(emulator.bases.openai);
  await dialog.getByLabel('Model', { exact: true }).fill('gpt-4o-mini');
  await dialog.getByLabel('Model', { exact: true }).press('Enter');
  const card = dialog.getByRole('listitem', { name: 'My gateway' });
  await expect(card).toBeVisible();
  await expect(add).toBeFocused();

  await card.getByRole('button', { name: 'Remove provider My gateway' }).press('Enter');
  await expect(card).toBeHidden();
  await expect(add).toBeFocused();
  // Still in the dialog: Escape closes it.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('adding a provider with missing or wrong fields: each field says what is wrong, in words, once', async ({ page }) => {
  const dialog = await openSettings(page);
  await dialog.getByRole('button', { name: 'Add provider' }).click();
  await dialog.getByLabel('Base URL').fill('https://alice:s3cret@gateway.example.com/v1');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText('Name is required')).toBeVisible();
  await expect(dialog.getByText('Base URL must not hold a user name or password; put the key in the API key field')).toBeVisible();
  await expect(dialog.getByLabel('Name', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByLabel('Name', { exact: true })).toHaveAccessibleDescription('Name is required');
  // No second, developer-worded copy of the same errors.
  await expect(dialog.getByText(/Invalid input|providers\.save/)).toHaveCount(0);
  await expect(dialog.getByText('s3cret')).toHaveCount(0);
});
