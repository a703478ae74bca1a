// A long conversation opens on its newest messages without loading the rest (paged
// messages.list); older ones load as the user scrolls up, and a search hit far back is
// loaded and jumped to.
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
  const { db } = openDatabase(path.join(dataDir, DB_FILE));
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
  db.close();
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
