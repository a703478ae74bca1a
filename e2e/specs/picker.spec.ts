// Issue 3: the model picker — bundled rows before any key, live rows after, search,
// filters, sort, keyboard, details, favourites, sources with errors in place, screenshots.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '../support/fixtures';
import { closeDialog, connectBuiltIn, NAMES, openPicker, openSettings, option, rows as modelRows } from '../support/providers';

test('before any key: bundled rows with their date; search, filter, keyboard pick', async ({ page }) => {
  await page.getByRole('button', { name: 'New conversation', exact: true }).click();
  const dialog = await openPicker(page);
  const sources = dialog.getByLabel('Model lists');
  for (const name of Object.values(NAMES)) await expect(sources.getByRole('listitem').filter({ hasText: name })).toContainText('Bundled list from 2026-11-01');

  // A model offered twice shows both routes, each with price and privacy.
  const search = dialog.getByRole('searchbox', { name: 'Search models' });
  await search.fill('gpt oss');
  const near = option(dialog, 'GPT OSS 120B', 'near');
  await expect(near).toHaveAccessibleName(/Private, \$0\.15 \/ \$0\.55 per 1M in \/ out, 131K context/);
  await expect(near).toContainText('Also on LLMBase $0.09 / $0.36 Standard');
  await expect(option(dialog, 'openai/gpt-oss-120b', 'llmbase')).toContainText('Also on NEAR AI Cloud $0.15 / $0.55 Private');

  // Private + max input price: only Private models at or under $0.20 remain.
  await search.fill('');
  await dialog.getByLabel('Privacy').selectOption('private');
  await dialog.getByLabel('Max input price ($ per 1M tokens)').fill('0.2');
  const rows = modelRows(dialog);
  await expect(near).toBeVisible();
  await expect(rows).toHaveCount(2);
  await expect(option(dialog, 'Qwen3 30B', 'near')).toBeVisible();
  for (const name of await rows.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''))) expect(name).toMatch(/, Private, \$0\.1\d? \//);

  // Capability filters and a price-unknown row: NanoGPT's bundled list prices only two models.
  await dialog.getByRole('button', { name: 'Clear' }).click();
  await expect(dialog.getByLabel('Privacy')).toHaveValue('');
  await search.fill('grok 4.3');
  await expect(option(dialog, 'x-ai/grok-4.3', 'nanogpt')).toContainText('price unknown');
  await search.fill('');
  await dialog.getByRole('button', { name: 'Vision', exact: true }).click();
  await dialog.getByRole('button', { name: 'Thinking', exact: true }).click();
  const capsRows = await rows.count();
  expect(capsRows).toBeGreaterThan(2);
  await expect(rows.first().getByRole('img', { name: 'Thinking' })).toBeVisible();
  await expect(rows.first().getByRole('img', { name: 'Vision (image input)' })).toBeVisible();

  // Non-chat models are listed, labelled and cannot be picked.
  await dialog.getByRole('button', { name: 'Clear' }).click();
  await search.fill('flux');
  const flux = option(dialog, 'Flux.2 [klein]', 'near');
  await expect(flux).toHaveAttribute('aria-disabled', 'true');
  await expect(flux).toContainText('Image model — not for chat');
  await search.press('Enter');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Use this model' })).toBeDisabled();

  // Keyboard: arrows move the selection, the details follow, Enter picks.
  await search.fill('glm 4.7');
  await expect(rows.first()).toHaveAttribute('aria-selected', 'true');
  const first = await rows.first().getAttribute('aria-label');
  await search.press('ArrowDown');
  await expect(rows.nth(1)).toHaveAttribute('aria-selected', 'true');
  await search.press('ArrowUp');
  await expect(rows.first()).toHaveAttribute('aria-selected', 'true');
  const details = dialog.getByRole('complementary', { name: 'Model details' });
  await expect(details.getByRole('heading', { level: 3 })).toHaveText(first!.split(' — ')[0]!);
  await search.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: `Model: ${first!.split(' — ')[0]}` })).toBeVisible();
});

test('live catalogs replace bundled ones; details show provider facts; one failing provider stays in place', async ({ page, emulator }) => {
  await connectBuiltIn(page, emulator, 'near');
  await connectBuiltIn(page, emulator, 'nanogpt');
  // LLMBase at a wrong address: its list fails, the others stay usable.
  const settings = await openSettings(page);
  const card = settings.getByRole('listitem', { name: 'LLMBase' });
  await card.getByRole('button', { name: 'Edit LLMBase base URL' }).click();
  await card.getByLabel('LLMBase base URL').fill(`${emulator.url}/nowhere/v1`);
  await card.getByRole('button', { name: 'Save URL' }).click();
  await card.getByLabel('LLMBase key').fill(emulator.keys.llmbase);
  await card.getByRole('button', { name: 'Set key' }).click();
  await expect(card.getByText('Key saved', { exact: true })).toBeVisible();
  await closeDialog(page, 'Settings');


  await page.getByRole('button', { name: 'New conversation', exact: true }).click();
  const dialog = await openPicker(page);
  const sources = dialog.getByLabel('Model lists');
  await expect(sources.getByRole('listitem').filter({ hasText: 'NEAR AI Cloud' })).toContainText('Live, fetched just now');
  await expect(sources.getByRole('listitem').filter({ hasText: 'NanoGPT' })).toContainText('Live, fetched');
  const llmbase = sources.getByRole('listitem').filter({ hasText: 'LLMBase' });
  await expect(llmbase).toContainText('Bundled list from 2026-11-01');
  await expect(llmbase).toContainText(/Could not load LLMBase models/);

  // A live-only row (not on the bundled page), with its unknown price said as such.
  const search = dialog.getByRole('searchbox', { name: 'Search models' });
  await search.fill('qwen3 vl');
  await expect(option(dialog, 'Qwen3 VL 8B (unpriced)', 'near')).toContainText('price unknown');

  // Details: NEAR's quantization, cached price; NanoGPT's category, subscription and rank.
  await search.fill('deepseek v3.1');
  const details = dialog.getByRole('complementary', { name: 'Model details' });
  await expect(details.getByRole('heading', { name: 'DeepSeek V3.1' })).toBeVisible();
  await expect(details).toContainText('Quantizationfp8');
  await expect(details).toContainText('Cached input$0.2 / 1M');
  await expect(details).toContainText('Context128K (128,000 tokens)');
  await search.fill('');
  await dialog.getByLabel('Provider').selectOption({ label: 'NanoGPT' });
  await dialog.getByLabel('Sort by').selectOption('popular');
  await expect(modelRows(dialog).first()).toHaveAttribute('aria-selected', 'true');
  await expect(details).toContainText('Popularity on NanoGPT#1');
  await expect(details).toContainText('SubscriptionIncluded in subscription');

  // Favourites: starred routes come first and survive a reload (a UI preference).
  await search.fill('gpt-5.2');
  await dialog.getByRole('button', { name: 'Add GPT-5.2 on NanoGPT to favourites' }).click();
  await search.fill('');
  await expect(modelRows(dialog).and(dialog.getByRole('group', { name: 'Favourites' }).getByRole('option'))).toHaveCount(1);
  await page.reload();
  const again = await openPicker(page);
  await expect(again.getByRole('group', { name: 'Favourites' }).getByRole('option', { name: /^GPT-5\.2 — NanoGPT,/ })).toBeVisible();

  // Refresh after fixing LLMBase's address: its live list appears and the error goes.
  await closeDialog(page, 'Choose a model');
  const s2 = await openSettings(page);
  const card2 = s2.getByRole('listitem', { name: 'LLMBase' });
  await card2.getByRole('button', { name: 'Edit LLMBase base URL' }).click();
  await card2.getByLabel('LLMBase base URL').fill(emulator.bases.llmbase);
  await card2.getByRole('button', { name: 'Save URL' }).click();
  await closeDialog(page, 'Settings');
  const d3 = await openPicker(page);
  await d3.getByRole('button', { name: 'Refresh' }).click();
  const lb = d3.getByLabel('Model lists').getByRole('listitem').filter({ hasText: 'LLMBase' });
  await expect(lb).toContainText('Live, fetched just now');
  await expect(lb).not.toContainText('Could not load');
  await d3.getByRole('searchbox', { name: 'Search models' }).fill('mistral small');
  await expect(option(d3, 'Mistral: Mistral Small 3.2 (unpriced)', 'llmbase')).toBeVisible();
  await d3.getByRole('searchbox', { name: 'Search models' }).fill('kimi k2.6');
  await expect(d3.getByRole('complementary', { name: 'Model details' })).toContainText(/Supported parameters.*reasoning/);
});

test('screenshots of the picker, light and dark, wide and small', async ({ page, emulator }, info) => {
  await connectBuiltIn(page, emulator, 'near');
  await connectBuiltIn(page, emulator, 'nanogpt');
  await page.getByRole('button', { name: 'New conversation', exact: true }).click();
  const out = path.join(info.project.outputDir, 'picker-screens');
  fs.mkdirSync(out, { recursive: true });
  for (const theme of ['light', 'dark'] as const) {
    for (const [w, h] of [
      [1280, 800],
      [800, 600],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.evaluate((t) => document.documentElement.setAttribute('data-theme', t), theme);
      const dialog = await openPicker(page);
      await dialog.getByRole('searchbox', { name: 'Search models' }).press('ArrowDown');
      await page.screenshot({ path: path.join(out, `picker-${theme}-${w}x${h}.png`) });
      await closeDialog(page, 'Choose a model');
    }
  }
  expect(fs.readdirSync(out)).toHaveLength(4);
});
