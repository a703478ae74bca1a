// A long conversation opens on its newest messages without loading the rest (paged
// messages.list); older ones load as the user scrolls up, and a search hit far back is
// loaded and jumped to. A long history of conversations renders its rows as they are scrolled to.
import path from 'node:path';
import type { Message } from '../../shared/domain';
import { DB_FILE } from '../../electron/core/app';
import { ConversationRepo } from '../../electron/core/history/conversations';
import { openDatabase } from '../../electron/core/history/database';
import { MessageRepo } from '../../electron/core/history/messages';
import { assistant, expect, test, user } from '../support/fixtures';

const COUNT = 400;

/** Writes a conversation of COUNT messages straight into the (stopped) app's database. */
function seed(dataDir: string) {
  const { db, closeCleanly } = openDatabase(path.join(dataDir, DB_FILE));
  const c = new ConversationRepo(db).create({ title: 'Four hundred messages' });
  const repo = new MessageRepo(db);
  repo.atomically(() => {
    for (let seq = 1; seq <= COUNT; seq++) {
      const content = seq === 7 ? 'The lighthouse keeper counted 4,096 gulls.' : `Message number ${seq}.\n\nA second paragraph to give the row some height.`;
      repo.insert({
        id: `seeded-${seq}`, conversationId: c.id, seq, role: seq % 2 ? 'user' : 'assistant', content, reasoning: null, status: 'complete',
        providerId: null, modelRequested: null, modelServed: null, privacy: null, error: null, usage: null, cost: null, pricing: null,
        timings: null, fallback: null, verification: null, attachments: [], createdAt: Date.now() - (COUNT - seq) * 60_000,
      } as Message);
    }
  });
  closeCleanly();
}

test('opens on the newest messages, loads older ones on scroll, and jumps to an old search hit', async ({ page, app }) => {
  await app.host.stop();
  seed(app.dataDir);
  await app.restart();

  await page.getByRole('link', { name: 'Four hundred messages' }).click();
  await expect(user(page).filter({ hasText: `Message number ${COUNT - 1}.` })).toBeVisible();
  await expect(assistant(page).filter({ hasText: `Message number ${COUNT}.` })).toBeInViewport();
  // Only a page was loaded, and only what is near the view is in the DOM.
  expect(await page.locator('article.message').count()).toBeLessThan(40);

  // Scrolling to the top loads the page before, without jumping away from where the reader is.
  const scroller = page.locator('.message-scroller');
  const oldestShown = async () => Number(/Message number (\d+)/.exec((await page.locator('article.message').first().textContent()) ?? '')?.[1] ?? NaN);
  const before = await oldestShown();
  for (let i = 0; i < 10 && (await oldestShown()) >= before - 1; i++) {
    await scroller.evaluate((el) => el.scrollTo({ top: 0 }));
    await page.waitForTimeout(150);
  }
  expect(await oldestShown()).toBeLessThan(before - 1);

  // A hit in the first messages, hundreds back: loaded on demand and brought into view.
  await page.getByRole('searchbox', { name: 'Search conversations' }).fill('lighthouse gulls');
  const hit = page.getByRole('listbox', { name: 'Search results' }).getByRole('option');
  await expect(hit).toHaveCount(1);
  await hit.click();
  await expect(user(page).filter({ hasText: 'The lighthouse keeper counted 4,096 gulls.' })).toBeInViewport();
});

test('hundreds of conversations: the sidebar renders rows as it is scrolled, and a search hit far down gets its row', async ({ page, app }) => {
  await app.host.stop();
  const { db, closeCleanly } = openDatabase(path.join(app.dataDir, DB_FILE));
  const conversations = new ConversationRepo(db);
  const messages = new MessageRepo(db);
  const total = 600;
  messages.atomically(() => {
    for (let i = 1; i <= total; i++) {
      const c = conversations.create({ title: `Topic ${i}` });
      const content = i === 1 ? 'The oldest one mentions a zeppelin.' : `Conversation ${i}.`;
      messages.insert({
        id: `c${i}-m1`, conversationId: c.id, seq: 1, role: 'user', content, reasoning: null, status: 'complete', providerId: null,
        modelRequested: null, modelServed: null, privacy: null, error: null, usage: null, cost: null, pricing: null, timings: null,
        fallback: null, verification: null, attachments: [], createdAt: Date.now() - (total - i) * 3_600_000,
      } as Message);
      // Last active an hour apart, newest last created: "Topic 600" is on top, "Topic 1" at the very end.
      db.prepare('UPDATE conversations SET updated_at = ? WHERE id = ?').run(Date.now() - (total - i) * 3_600_000, c.id);
    }
  });
  closeCleanly();
  await app.restart();

  const nav = page.getByRole('navigation', { name: 'Conversations' });
  const links = nav.getByRole('link');
  await expect(links.first()).toHaveText('Topic 600');
  const rendered = await links.count();
  expect(rendered).toBeGreaterThan(20);
  expect(rendered).toBeLessThan(total / 2);

  // Scrolled to its end again and again, the list grows until the oldest row is there.
  const list = nav.locator('.conversation-groups');
  await expect(async () => {
    await list.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await expect(nav.getByRole('link', { name: 'Topic 1', exact: true })).toBeAttached({ timeout: 200 });
  }).toPass({ timeout: 15_000 });
  expect(await links.count()).toBe(total);

  // In a fresh app, a search hit in the oldest conversation opens it with its row in the list.
  await app.restart();
  await expect(links.first()).toHaveText('Topic 600');
  await page.getByRole('searchbox', { name: 'Search conversations' }).fill('zeppelin');
  await page.getByRole('listbox', { name: 'Search results' }).getByRole('option').click();
  await expect(user(page).filter({ hasText: 'The oldest one mentions a zeppelin.' })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search conversations' }).fill('');
  await expect(nav.getByRole('link', { name: 'Topic 1', exact: true })).toHaveAttribute('aria-current', 'page');
  // Opening one near the top again keeps the rows below (and so the list's scroll position).
  await nav.getByRole('link', { name: 'Topic 600', exact: true }).click();
  await expect(nav.getByRole('link', { name: 'Topic 600', exact: true })).toHaveAttribute('aria-current', 'page');
  expect(await links.count()).toBe(total);
});
