// Issue 5 through the UI: what each reply and the conversation cost, matched against figures
// worked out here by hand from the emulator's usage and prices; unknown prices say so; a budget
// cap holds a send until "Send anyway"; the composer estimates as you type; the Spending view
// totals and exports the ledger.
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { computeUsage, modelPrices, type EmuProvider, type UsageOverride } from '../emulator';
import { formatUsd } from '../../shared/cost/format';
import { assistant, expect, send, test } from '../support/fixtures';
import { lastChatRequest, newConversationOn, onModel, useBuiltIns, type BuiltIn } from '../support/builtins';

/** Reply cost by hand: uncached input × input + cached × cache-read (input price when none) + output × output, per 1M. */
function expectedUsd(provider: EmuProvider, model: string, messages: unknown, content: string, override: UsageOverride = {}): number {
  const p = modelPrices(provider, model)!;
  const u = computeUsage(messages, content, '', 0, override);
  const usd = ((u.prompt - u.cached) * p.input! + u.cached * (p.cacheRead ?? p.input!) + u.completion * p.output!) / 1e6;
  return Math.round(usd * 1e12) / 1e12;
}

const replyCost = (page: Page, i: number) => assistant(page).nth(i).getByRole('button', { name: /^Reply cost:/ });
const conversationCost = (page: Page) => page.getByRole('button', { name: /^Conversation cost:/ });
const composer = (page: Page) => page.getByRole('form', { name: 'Compose a message' });

async function exchange(page: Page, emulator: { script(p: EmuProvider, s: object[]): void }, provider: BuiltIn, text: string, content: string, usage?: UsageOverride) {
  emulator.script(provider, [{ kind: 'reply', text: content, reasoning: '', ...(usage ? { usage } : {}) }]);
  const index = await assistant(page).count();
  await send(page, text);
  await expect(assistant(page).nth(index)).toHaveAttribute('aria-busy', 'false', { timeout: 20_000 });
  await expect(assistant(page).nth(index)).toContainText(content);
  return index;
}

test('a conversation across NanoGPT and LLMBase: each reply and the total match the hand-computed cost; budget holds a send; Spending totals and exports', async ({ page, app, emulator }) => {
  test.setTimeout(120_000);
  await useBuiltIns(page, emulator, ['nanogpt', 'llmbase']);
  await newConversationOn(page, app, 'nanogpt', 'deepseek/deepseek-v3.2', /DeepSeek V3\.2/);

  // 1. NanoGPT, a large reply (cents): 200k in, 20k out at $0.27 / $0.41 per 1M; NanoGPT also reports its cost.
  const big: UsageOverride = { prompt_tokens: 200_000, completion_tokens: 20_000 };
  await exchange(page, emulator, 'nanogpt', 'Summarise the whole book', 'Here is the summary.', big);
  const usd1 = expectedUsd('nanogpt', 'deepseek/deepseek-v3.2', [], '', big);
  expect(usd1).toBeCloseTo(0.0622, 12);
  await expect(replyCost(page, 0)).toContainText('$0.062');
  await expect(replyCost(page, 0)).toContainText('200,000 in · 20,000 out');

  // 2. LLMBase with cache reads: 12k in (8k cached at $0.02), 1.5k out at $0.20 / $0.30.
  await onModel(page, app, 'llmbase', 'deepseek/deepseek-v4-flash', /DeepSeek V4 Flash/);
  const cached: UsageOverride = { prompt_tokens: 12_000, cached_tokens: 8_000, completion_tokens: 1_500 };
  await exchange(page, emulator, 'llmbase', 'Now the short version', 'Short version.', cached);
  const usd2 = expectedUsd('llmbase', 'deepseek/deepseek-v4-flash', [], '', cached);
  expect(usd2).toBeCloseTo((4000 * 0.2 + 8000 * 0.02 + 1500 * 0.3) / 1e6, 12);
  await expect(replyCost(page, 1)).toContainText(formatUsd(usd2)); // $0.0014
  await replyCost(page, 1).click();
  const details = page.getByRole('dialog', { name: 'Reply cost' });
  await expect(details).toContainText('12,000 in (8,000 cached) · 1,500 out');
  await expect(details).toContainText(/first token \d+ ms/);
  await page.keyboard.press('Escape');
  await expect(details).toBeHidden();

  // 3. Back to NanoGPT, usage as the emulator counts it from the real request (well under a cent).
  await onModel(page, app, 'nanogpt', 'deepseek/deepseek-v3.2', /DeepSeek V3\.2/);
  const answer = 'A tiny reply of a few tokens.';
  await exchange(page, emulator, 'nanogpt', 'And in one line?', answer);
  const usd3 = expectedUsd('nanogpt', 'deepseek/deepseek-v3.2', lastChatRequest(emulator, 'nanogpt').messages, answer);
  expect(usd3).toBeLessThan(0.0001);
  await expect(replyCost(page, 2)).toContainText(formatUsd(usd3));

  // The conversation total and its breakdown by model.
  const total = usd1 + usd2 + usd3;
  await expect(conversationCost(page)).toHaveText(new RegExp(`^Conversation cost: ${formatUsd(total).replace(/[$.]/g, '\\$&')}$`));
  await conversationCost(page).click();
  const breakdown = page.getByRole('dialog', { name: 'Conversation cost' });
  const nanoRow = breakdown.getByRole('row', { name: /deepseek\/deepseek-v3\.2/ });
  await expect(nanoRow).toContainText('2');
  await expect(nanoRow).toContainText(formatUsd(usd1 + usd3));
  await expect(breakdown.getByRole('row', { name: /deepseek\/deepseek-v4-flash/ })).toContainText(formatUsd(usd2));

  // A budget cap, set from the breakdown.
  await breakdown.getByRole('button', { name: 'Set budget' }).click();
  await breakdown.getByLabel('Budget (USD)').fill('0.07');
  await breakdown.getByRole('button', { name: 'Save budget' }).click();
  await expect(breakdown).toContainText('Budget: $0.07');
  // Saving took focus off the panel (its button was busy); Escape still closes it.
  await page.keyboard.press('Escape');
  await expect(breakdown).toBeHidden();
  await expect(conversationCost(page)).toContainText('/ $0.07');

  // The composer estimates as you type; on LLMBase V4 Flash the worst case is 131,072 out × $0.30/1M ≈ $0.039, past the cap.
  await onModel(page, app, 'llmbase', 'deepseek/deepseek-v4-flash', /DeepSeek V4 Flash/);
  await page.getByRole('textbox', { name: 'Message' }).fill('One more question, please');
  const estimate = composer(page).getByRole('status', { name: /^Estimated cost/ });
  await expect(estimate).toContainText(/^≈\$0\.0\d+ in · up to \$0\.039 out/);
  await expect(estimate).toContainText('over budget');

  // The send is held with a clear message, and "Send anyway" sends it.
  const requestsBefore = emulator.requests.length;
  await page.getByRole('textbox', { name: 'Message' }).press('Enter');
  const held = page.getByRole('alert').filter({ hasText: 'budget' });
  await expect(held).toContainText('past its $0.07 budget');
  expect(emulator.requests.length).toBe(requestsBefore);
  await expect(assistant(page)).toHaveCount(3);
  emulator.script('llmbase', [{ kind: 'reply', text: 'Sent anyway.', reasoning: '' }]);
  await held.getByRole('button', { name: 'Send anyway' }).click();
  await expect(assistant(page).nth(3)).toContainText('Sent anyway.');
  await expect(held).toBeHidden();
  await expect(page.getByRole('textbox', { name: 'Message' })).toHaveValue('');
  await expect(assistant(page).nth(3)).toHaveAttribute('aria-busy', 'false');
  const usd4 = expectedUsd('llmbase', 'deepseek/deepseek-v4-flash', lastChatRequest(emulator, 'llmbase').messages, 'Sent anyway.');
  await expect(replyCost(page, 3)).toContainText(formatUsd(usd4));
  const all = total + usd4;
  await expect(conversationCost(page)).toContainText(formatUsd(all));

  // Spending: totals by provider and model, a chart by day, and the ledger as CSV.
  await page.getByRole('button', { name: 'Spending', exact: true }).click();
  const spending = page.getByRole('dialog', { name: 'Spending' });
  await expect(spending.getByLabel(/^Total spent/)).toHaveText(formatUsd(all));
  const byProvider = spending.getByRole('table', { name: 'By provider' });
  await expect(byProvider.getByRole('row', { name: /NanoGPT/ })).toContainText(formatUsd(usd1 + usd3));
  await expect(byProvider.getByRole('row', { name: /LLMBase/ })).toContainText(formatUsd(usd2 + usd4));
  await expect(spending.getByRole('table', { name: 'By model' }).getByRole('row')).toHaveCount(3);
  await expect(spending.getByRole('img', { name: /Spending by day/ })).toBeVisible();
  await expect(spending.getByRole('table', { name: 'By day' }).getByRole('row')).toHaveCount(2);
  const [download] = await Promise.all([page.waitForEvent('download'), spending.getByRole('button', { name: 'Export CSV' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^parley-spending-.*\.csv$/);
  const csv = fs.readFileSync((await download.path())!, 'utf8').trimEnd().split('\r\n');
  expect(csv).toHaveLength(5);
  const header = csv[0]!.split(',');
  const costs = csv.slice(1).map((line) => Number(line.split(',')[header.indexOf('cost_usd')]));
  // Exact to the 12th decimal, in the order the replies were made.
  for (const [i, usd] of [usd1, usd2, usd3, usd4].entries()) expect(costs[i]).toBeCloseTo(usd, 12);
  await expect(spending.getByRole('status')).toHaveText('Exported 4 rows');
});

test('models without a price show "cost unknown" (never $0), and totals say so', async ({ page, app, emulator }) => {
  await useBuiltIns(page, emulator, ['near', 'nanogpt', 'llmbase']);
  await newConversationOn(page, app, 'nanogpt', 'qwen/qwen3-coder-next', /Qwen3 Coder Next/);
  await page.getByRole('textbox', { name: 'Message' }).fill('What will this cost?');
  await expect(composer(page).getByRole('status', { name: /^Estimated cost/ })).toHaveText('cost unknown');
  await page.getByRole('textbox', { name: 'Message' }).fill('');
  await exchange(page, emulator, 'nanogpt', 'Hello NanoGPT', 'Hi from an unpriced model.');
  await expect(replyCost(page, 0)).toContainText('cost unknown');

  await onModel(page, app, 'llmbase', 'mistralai/mistral-small-3.2', /Mistral Small 3\.2/);
  await exchange(page, emulator, 'llmbase', 'Hello LLMBase', 'Hi from Mistral.');
  await expect(replyCost(page, 1)).toContainText('cost unknown');

  await onModel(page, app, 'near', 'Qwen/Qwen3-VL-8B-Instruct', /Qwen3 VL 8B/);
  await exchange(page, emulator, 'near', 'Hello NEAR', 'Hi from Qwen VL.');
  await expect(replyCost(page, 2)).toContainText('cost unknown');
  for (let i = 0; i < 3; i++) await expect(replyCost(page, i)).not.toContainText('$0');

  await expect(conversationCost(page)).toHaveText('Conversation cost: cost unknown');
  await conversationCost(page).click();
  await expect(page.getByRole('dialog', { name: 'Conversation cost' })).toContainText('3 replies cost unknown');
  await page.keyboard.press('Escape');

  // One priced reply: the total is that figure "+ unknown".
  await onModel(page, app, 'nanogpt', 'deepseek/deepseek-v3.2', /DeepSeek V3\.2/);
  const usage: UsageOverride = { prompt_tokens: 10_000, completion_tokens: 1_000 };
  await exchange(page, emulator, 'nanogpt', 'A priced one', 'Priced.', usage);
  const usd = expectedUsd('nanogpt', 'deepseek/deepseek-v3.2', [], '', usage);
  await expect(conversationCost(page)).toHaveText(`Conversation cost: ${formatUsd(usd)} + unknown`);
  await page.getByRole('button', { name: 'Spending', exact: true }).click();
  const spending = page.getByRole('dialog', { name: 'Spending' });
  await expect(spending.getByLabel(/^Total spent/)).toHaveText(`${formatUsd(usd)} + unknown`);
  await expect(spending).toContainText('3 replies cost unknown');
  await expect(spending.getByRole('table', { name: 'By provider' }).getByRole('row', { name: /NEAR AI Cloud/ })).toContainText('cost unknown');
});

test('a default budget from Settings applies to new conversations', async ({ page, app, emulator }) => {
  await useBuiltIns(page, emulator, ['llmbase']);
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByLabel('Default budget (USD)').fill('abc');
  await settings.getByRole('button', { name: 'Apply' }).click();
  await expect(settings.getByRole('alert')).toContainText('Enter an amount in dollars');
  await settings.getByLabel('Default budget (USD)').fill('0.50');
  await settings.getByRole('button', { name: 'Apply' }).click();
  await expect(settings).toContainText('$0.50 per conversation');
  await page.keyboard.press('Escape');

  await newConversationOn(page, app, 'llmbase', 'deepseek/deepseek-v4-flash', /DeepSeek V4 Flash/);
  await expect(conversationCost(page)).toHaveText('Conversation cost: $0 / $0.50');
  await page.reload();
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await expect(settings.getByLabel('Default budget (USD)')).toHaveValue('0.5');
});
