// Issue 6 through the UI: search (prefix, phrase, hostile input, jump to the message),
// rename/pin/delete with Undo, edit and resend, regenerate (same and another model),
// delete a message, export all → import into a fresh app (identical), malformed import.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Download, Locator, Page } from '@playwright/test';
import type { Emulator, Step } from '../emulator';
import { startHost } from '../support/host';
import { addProvider, assistant, expect, send, test, user } from '../support/fixtures';
import { api } from '../support/app-api';

const nav = (page: Page) => page.getByRole('navigation', { name: 'Conversations' });
const row = (page: Page, title: string) => nav(page).getByRole('listitem').filter({ has: page.getByRole('link', { name: title, exact: true }) });

async function setUp(page: Page, emulator: Emulator) {
  await addProvider(page, { name: 'Local', baseUrl: emulator.bases.openai, apiKey: emulator.keys.openai, model: 'gpt-4o-mini' });
}

async function newConversation(page: Page) {
  await page.getByRole('button', { name: 'New conversation', exact: true }).click();
  await expect(page.getByRole('textbox', { name: 'Message' })).toBeFocused();
}

const chats = (emulator: Emulator) => emulator.requests.filter((r) => r.path.endsWith('/chat/completions'));

/** Sends `text` (with `steps` queued) and waits until its reply has settled. */
async function exchange(page: Page, emulator: Emulator, text: string, steps: Step[] = []) {
  if (steps.length) emulator.script('openai', steps);
  const before = chats(emulator).length;
  await send(page, text);
  // The list is virtualised (older rows are not in the DOM): once the provider got the
  // request and the stream ended, the reply is the last row.
  await expect.poll(() => chats(emulator).length).toBe(before + 1);
  await expect(page.getByRole('button', { name: 'Stop' })).toHaveCount(0);
  const reply = assistant(page).last();
  await expect(reply).toHaveAttribute('aria-busy', 'false');
  return reply;
}

/** Opens a row's action menu and picks an item by its accessible name. */
async function rowAction(page: Page, title: string, item: string) {
  const r = row(page, title);
  await r.hover();
  await r.getByRole('button', { name: `More actions for ${title}` }).click();
  await page.getByRole('menu', { name: `Actions for ${title}` }).getByRole('menuitem', { name: item }).click();
}

async function messageAction(article: Locator, name: string) {
  await article.hover();
  await article.getByRole('button', { name, exact: true }).click();
}

async function downloadText(download: Download): Promise<string> {
  return fs.readFileSync((await download.path())!, 'utf8');
}

test('search finds a sentence from an old conversation and jumps to it', async ({ page, emulator }) => {
  await setUp(page, emulator);
  await newConversation(page);
  await exchange(page, emulator, 'Tell me about Lisbon', [{ kind: 'reply', text: 'The tram 28 climbs through Alfama every morning before the shops open.' }]);
  // Enough later exchanges that the sentence is far above the end of the list.
  const filler = Array.from({ length: 40 }, (_, i) => `Line ${i} of a long answer about something else entirely.`).join('\n\n');
  for (let i = 0; i < 5; i++) await exchange(page, emulator, `Filler question ${i}`, [{ kind: 'reply', text: filler }]);
  await newConversation(page);
  await exchange(page, emulator, 'Something unrelated');

  const search = page.getByRole('searchbox', { name: 'Search conversations' });
  const results = nav(page).getByRole('listbox', { name: 'Search results' });
  // A prefix, while typing.
  await search.fill('alfa');
  await expect(results.getByRole('option')).toHaveCount(1);
  const hit = results.getByRole('option').first();
  await expect(hit).toContainText('Tell me about Lisbon');
  await expect(hit.locator('mark')).toHaveText('Alfama');
  // The grouped list is replaced while a query is present.
  await expect(nav(page).getByRole('link', { name: 'Something unrelated' })).toHaveCount(0);

  // A "phrase": only the exact sequence matches.
  await search.fill('"tram 28 climbs"');
  await expect(results.getByRole('option')).toHaveCount(1);
  await expect(results.getByRole('option').first().locator('mark').first()).toContainText('tram');
  await search.fill('"tram climbs"');
  await expect(nav(page).getByText('No matches')).toBeVisible();

  // Hostile input is text, never an error.
  for (const q of ['"', 'NEAR(', 'tram AND (', '*', '\\', 'a"b OR NOT']) {
    await search.fill(q);
    await expect(nav(page).locator('.search-results')).toHaveAttribute('aria-busy', 'false');
    await expect(nav(page).getByRole('alert')).toHaveCount(0);
  }

  // Keyboard: type, arrow to the hit, Enter opens the conversation at that message.
  await search.fill('alfama morning');
  await expect(results.getByRole('option')).toHaveCount(1);
  await search.press('ArrowDown');
  await expect(results.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
  await search.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Tell me about Lisbon' })).toBeVisible();
  const target = assistant(page).filter({ hasText: 'The tram 28 climbs through Alfama' });
  await expect(target).toBeInViewport();
  await expect(page.locator('[data-search-target]')).toHaveCount(1);
  // Far from the end, Jump to latest offers the way back.
  await expect(page.getByRole('button', { name: 'Jump to latest' })).toBeVisible();

  // A hit in a conversation that fits on screen: there is nothing to jump back to.
  await search.fill('unrelated');
  await expect(results.getByRole('option').first()).toContainText('Something unrelated'); // not the last query's hits
  await results.getByRole('option').first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Something unrelated' })).toBeVisible();
  await expect(page.locator('[data-search-target]')).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Jump to latest' })).toBeHidden();

  // Escape clears the search and brings the list back.
  await search.press('Escape');
  await expect(search).toHaveValue('');
  await expect(nav(page).getByRole('link', { name: 'Something unrelated' })).toBeVisible();
});

test('rename, pin, delete with Undo, restore from Recently deleted', async ({ page, app, emulator }) => {
  await setUp(page, emulator);
  await newConversation(page);
  await exchange(page, emulator, 'First topic');
  await newConversation(page);
  await exchange(page, emulator, 'Second topic');
  await expect(nav(page).getByRole('region', { name: 'Today' }).getByRole('link')).toHaveText(['Second topic', 'First topic']);

  // Rename from the menu: Enter saves.
  await rowAction(page, 'First topic', 'Rename conversation First topic');
  const title = nav(page).getByRole('textbox', { name: 'Conversation title' });
  await expect(title).toBeFocused();
  await title.fill('Trip to Lisbon');
  await title.press('Enter');
  await expect(nav(page).getByRole('link', { name: 'Trip to Lisbon' })).toBeVisible();
  // Double-click renames too; Escape cancels.
  await nav(page).getByRole('link', { name: 'Second topic' }).dblclick();
  await title.fill('Not this');
  await title.press('Escape');
  await expect(nav(page).getByRole('link', { name: 'Second topic' })).toBeVisible();
  await expect(nav(page).getByRole('link', { name: 'Not this' })).toHaveCount(0);

  // Pin: the older conversation moves into "Pinned", on top.
  await rowAction(page, 'Trip to Lisbon', 'Pin conversation Trip to Lisbon');
  const pinned = nav(page).getByRole('region', { name: 'Pinned' });
  await expect(pinned.getByRole('link')).toHaveText(['Trip to Lisbon']);
  await expect(nav(page).getByRole('heading', { level: 2 })).toHaveText(['Pinned', 'Today']);

  // Both survive a restart.
  await app.restart();
  await expect(nav(page).getByRole('region', { name: 'Pinned' }).getByRole('link')).toHaveText(['Trip to Lisbon']);

  // Delete needs no confirmation; Undo brings it back with its messages.
  await row(page, 'Second topic').hover();
  await nav(page).getByRole('button', { name: 'Delete conversation Second topic' }).click();
  await expect(nav(page).getByRole('link', { name: 'Second topic' })).toHaveCount(0);
  const undo = page.getByRole('status').filter({ hasText: 'Deleted “Second topic”' });
  await undo.getByRole('button', { name: 'Undo' }).click();
  await expect(nav(page).getByRole('link', { name: 'Second topic' })).toBeVisible();
  await nav(page).getByRole('link', { name: 'Second topic' }).click();
  await expect(user(page)).toHaveText(['Second topic']);
  await expect(assistant(page)).toContainText('Echo: Second topic');

  // Unpin; then delete and restore from Settings → Recently deleted.
  await rowAction(page, 'Trip to Lisbon', 'Unpin conversation Trip to Lisbon');
  await expect(nav(page).getByRole('region', { name: 'Pinned' })).toHaveCount(0);
  await row(page, 'Trip to Lisbon').hover();
  await nav(page).getByRole('button', { name: 'Delete conversation Trip to Lisbon' }).click();
  await expect(nav(page).getByRole('link', { name: 'Trip to Lisbon' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  const trash = settings.getByRole('list', { name: 'Recently deleted conversations' });
  await expect(trash.getByRole('listitem')).toHaveCount(1);
  await trash.getByRole('button', { name: 'Restore Trip to Lisbon' }).click();
  await expect(settings.getByText('Nothing here.')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(nav(page).getByRole('link', { name: 'Trip to Lisbon' })).toBeVisible();
});

test('edit and resend, regenerate with the same and another model, delete a message', async ({ page, app, emulator }) => {
  await setUp(page, emulator);
  await addProvider(page, { name: 'Other', baseUrl: emulator.bases.llmbase, apiKey: emulator.keys.llmbase, model: 'deepseek/deepseek-v3.2' });
  await newConversation(page);
  await exchange(page, emulator, 'one');
  await exchange(page, emulator, 'two');
  await exchange(page, emulator, 'three');
  await expect(user(page)).toHaveText(['one', 'two', 'three']);

  // Edit the second message: the later messages go, a new answer streams.
  await messageAction(user(page).nth(1), 'Edit message');
  const editor = page.getByRole('textbox', { name: 'Edit message' });
  await expect(editor).toHaveValue('two');
  await editor.fill('deux');
  emulator.script('openai', [{ kind: 'reply', text: 'Réponse à deux.' }]);
  await page.getByRole('button', { name: 'Save and resend' }).click();
  await expect(user(page)).toHaveText(['one', 'deux']);
  await expect(assistant(page)).toHaveCount(2);
  await expect(assistant(page).last()).toContainText('Réponse à deux.');
  await expect(assistant(page).last()).toHaveAttribute('aria-busy', 'false');
  const resent = (chats(emulator).at(-1)!.json as { messages: { role: string; content: string }[] }).messages;
  expect(resent.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
  expect([resent[0]!.content, resent[2]!.content]).toEqual(['one', 'deux']);
  // Cancel leaves it as it was.
  await messageAction(user(page).first(), 'Edit message');
  await editor.fill('changed my mind');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(user(page)).toHaveText(['one', 'deux']);

  // Only the last answer offers Regenerate.
  await expect(assistant(page).first().getByRole('button', { name: 'Regenerate', exact: true })).toHaveCount(0);
  emulator.script('openai', [{ kind: 'reply', text: 'A second take.' }]);
  await messageAction(assistant(page).last(), 'Regenerate');
  await expect(assistant(page).last()).toContainText('A second take.');
  await expect(assistant(page)).toHaveCount(2);
  expect(chats(emulator).at(-1)!.provider).toBe('openai');

  // Regenerate with another provider and model: it becomes the conversation's model.
  emulator.script('llmbase', [{ kind: 'reply', text: 'Answer from the other model.' }]);
  await messageAction(assistant(page).last(), 'Regenerate with…');
  const dialog = page.getByRole('dialog', { name: 'Regenerate with' });
  await dialog.getByLabel('Provider').selectOption({ label: 'Other' });
  await dialog.getByLabel('Model').fill('deepseek/deepseek-v3.2');
  await dialog.getByRole('button', { name: 'Regenerate' }).click();
  await expect(dialog).toBeHidden();
  await expect(assistant(page).last()).toContainText('Answer from the other model.');
  await expect(assistant(page)).toHaveCount(2);
  expect(chats(emulator).at(-1)!.provider).toBe('llmbase');
  expect((chats(emulator).at(-1)!.json as { model: string }).model).toBe('deepseek/deepseek-v3.2');
  await expect(page.getByRole('button', { name: /^Model: / })).toContainText('Other');

  // Copy gives the Markdown source.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await messageAction(assistant(page).last(), 'Copy message');
  await expect(assistant(page).last().getByRole('status').filter({ hasText: 'Copied' })).toBeAttached();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('Answer from the other model.');

  // Delete a message (asks once more, in place).
  await messageAction(user(page).first(), 'Delete message');
  await user(page).first().getByRole('button', { name: 'Confirm delete' }).click();
  await expect(user(page)).toHaveText(['deux']);
  await expect(assistant(page)).toHaveCount(2);

  await app.restart();
  await nav(page).getByRole('link', { name: 'one' }).click();
  await expect(user(page)).toHaveText(['deux']);
  await expect(assistant(page).last()).toContainText('Answer from the other model.');
});

test('a regenerate the provider refuses puts the old answer back, with the refusal after it', async ({ page, app, emulator }) => {
  await setUp(page, emulator);
  await newConversation(page);
  await exchange(page, emulator, 'What is the capital of Portugal?', [{ kind: 'reply', text: 'Lisbon, on the Tagus.', reasoning: '' }]);
  emulator.script('openai', [{ kind: 'http-error', status: 402, message: 'Insufficient balance' }]);
  await messageAction(assistant(page).last(), 'Regenerate');
  // The refusal shows in its own reply, after the answer, which is still there (and stays after a reload).
  await expect(assistant(page).last().getByRole('alert')).toContainText('Insufficient balance');
  await expect(assistant(page)).toHaveCount(2);
  await expect(assistant(page).first()).toContainText('Lisbon, on the Tagus.');
  await page.reload();
  await expect(assistant(page)).toHaveCount(2);
  await expect(assistant(page).first()).toContainText('Lisbon, on the Tagus.');
  const conversations = await api<{ id: string }[]>(app, 'conversations.list', {});
  const stored = await api<{ role: string; status: string; content: string }[]>(app, 'messages.list', { conversationId: conversations[0]!.id });
  expect(stored.map((m) => [m.role, m.status, m.content])).toEqual([
    ['user', 'complete', 'What is the capital of Portugal?'],
    ['assistant', 'complete', 'Lisbon, on the Tagus.'],
    ['assistant', 'error', ''],
  ]);
});

test('export all, import into a fresh app: identical; a malformed import changes nothing', async ({ page, emulator, browser }) => {
  test.setTimeout(90_000);
  await setUp(page, emulator);
  await newConversation(page);
  await exchange(page, emulator, 'Plan a trip', [{ kind: 'reply', text: 'Day one: **Alfama**.\n\n| day | place |\n|---|---|\n| 1 | Alfama |', reasoning: 'Think about the old town first.', usage: { prompt_tokens: 12, completion_tokens: 34 } }]);
  await exchange(page, emulator, 'And day two?', [{ kind: 'reply', text: 'Day two: Belém.', reasoning: 'Then the river.' }]);
  await newConversation(page);
  await exchange(page, emulator, 'Ünïcödé and emoji 🎉 survive', [{ kind: 'reply', text: 'They do — 日本語 too.' }]);
  await rowAction(page, 'Plan a trip', 'Pin conversation Plan a trip');

  // One conversation as Markdown, with its thinking.
  await rowAction(page, 'Plan a trip', 'Export conversation Plan a trip');
  const exportDialog = page.getByRole('dialog', { name: 'Export conversation' });
  await exportDialog.getByLabel('Include thinking').check();
  const [md] = await Promise.all([page.waitForEvent('download'), exportDialog.getByRole('button', { name: 'Export' }).click()]);
  expect(md.suggestedFilename()).toMatch(/^parley-plan-a-trip-.*\.md$/);
  const markdown = await downloadText(md);
  expect(markdown).toContain('# Plan a trip');
  expect(markdown).toContain('Day two: Belém.');
  expect(markdown).toContain('Think about the old town first.');

  // Everything, as JSON.
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByRole('checkbox', { name: 'Include thinking' }).check();
  const [all] = await Promise.all([page.waitForEvent('download'), settings.getByRole('button', { name: 'Export all' }).click()]);
  expect(all.suggestedFilename()).toMatch(/^parley-export-.*\.json$/);
  const exported = await downloadText(all);
  const original = JSON.parse(exported) as { conversations: { title: string; messages: unknown[] }[] };
  expect(original.conversations).toHaveLength(2);
  expect(exported).not.toContain(emulator.keys.openai);

  // A malformed file: a clear error, and nothing changes.
  const importInput = settings.getByLabel('Import conversations from a file');
  const broken = { ...JSON.parse(exported), conversations: [{ ...original.conversations[0], id: 'new-id', messages: [{ role: 'wizard' }] }] };
  for (const content of ['{ not json', JSON.stringify({ format: 'something-else' }), JSON.stringify(broken)]) {
    await importInput.setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(content) });
    await expect(settings.getByRole('alert')).toContainText('Nothing was imported.');
  }
  await page.keyboard.press('Escape');
  await expect(nav(page).getByRole('link')).toHaveCount(2);
  const [again] = await Promise.all([
    page.waitForEvent('download'),
    (async () => {
      await page.getByRole('button', { name: 'Settings', exact: true }).click();
      await settings.getByRole('checkbox', { name: 'Include thinking' }).check();
      await settings.getByRole('button', { name: 'Export all' }).click();
    })(),
  ]);
  expect(JSON.parse(await downloadText(again)).conversations).toEqual(original.conversations);
  await page.keyboard.press('Escape');

  // A fresh app (new data folder): import, then its own export matches exactly.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-e2e-fresh-'));
  const host = await startHost({ dataDir, keychainService: `parley-e2e-${randomUUID()}` });
  const context = await browser.newContext({ acceptDownloads: true });
  try {
    const fresh = await context.newPage();
    await fresh.goto(host.url);
    await expect(nav(fresh).getByText('No conversations yet')).toBeVisible();
    await fresh.getByRole('button', { name: 'Settings', exact: true }).click();
    const freshSettings = fresh.getByRole('dialog', { name: 'Settings' });
    await freshSettings.getByLabel('Import conversations from a file').setInputFiles({ name: all.suggestedFilename(), mimeType: 'application/json', buffer: Buffer.from(exported) });
    await expect(freshSettings.getByRole('status').filter({ hasText: 'Imported' })).toHaveText('Imported 2 conversations and 6 messages.');
    await freshSettings.getByRole('checkbox', { name: 'Include thinking' }).check();
    const [roundTrip] = await Promise.all([fresh.waitForEvent('download'), freshSettings.getByRole('button', { name: 'Export all' }).click()]);
    expect(JSON.parse(await downloadText(roundTrip)).conversations).toEqual(original.conversations);
    // Importing the same file again skips what is already there.
    await freshSettings.getByLabel('Import conversations from a file').setInputFiles({ name: 'again.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
    await expect(freshSettings.getByRole('status').filter({ hasText: 'Imported' })).toContainText('Imported 0 conversations and 0 messages; 2 conversations were already here and skipped.');
    await fresh.keyboard.press('Escape');
    await expect(nav(fresh).getByRole('region', { name: 'Pinned' }).getByRole('link')).toHaveText(['Plan a trip']);
    await nav(fresh).getByRole('link', { name: 'Plan a trip' }).click();
    await expect(assistant(fresh).first().getByRole('table')).toBeVisible();
    await expect(user(fresh)).toHaveText(['Plan a trip', 'And day two?']);
  } finally {
    await context.close();
    await host.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  // The original app is untouched by all this.
  await expect(nav(page).getByRole('link')).toHaveCount(2);
});
