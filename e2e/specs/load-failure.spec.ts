// Parts of the window load on first use. When one cannot load (say the app was updated
// underneath a running window), the failure stays in that part and says so: the window
// never goes blank, and nothing the user wrote is lost.
import { addProvider, assistant, expect, send, test } from '../support/fixtures';

test('a dialog whose code cannot load says so; the window keeps working; a reload brings it back', async ({ page }) => {
  await page.route(/\/assets\/SpendingDialog-[^/]*\.js$/, (route) => route.abort());
  await page.getByRole('button', { name: 'Spending' }).click();
  const failed = page.getByRole('dialog', { name: 'This could not be opened' });
  await expect(failed.getByRole('alert')).toContainText('Parley could not load this part of its window.');
  // The browser's own wording (with the file's address) stays in the console.
  await expect(failed).not.toContainText('assets/');
  await failed.getByRole('button', { name: 'Not now' }).click();
  await expect(failed).toBeHidden();

  // The rest of the window works on.
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Settings' })).toBeHidden();

  // Once the file is there again, "Reload window" is the way back.
  await page.unroute(/\/assets\/SpendingDialog-[^/]*\.js$/);
  await page.getByRole('button', { name: 'Spending' }).click();
  await failed.getByRole('button', { name: 'Reload window' }).click();
  await page.getByRole('button', { name: 'Spending' }).click();
  await expect(page.getByRole('dialog', { name: 'Spending' })).toBeVisible();
});

test('replies still show, as plain text, when the Markdown renderer cannot load', async ({ page, emulator }) => {
  let blocked = 0;
  await page.route(/\/assets\/MarkdownRenderer-[^/]*\.js$/, (route) => (blocked++, route.abort()));
  await page.reload();
  const failed = page.waitForEvent('console', (m) => m.type() === 'error' && m.text().includes('failed to render'));
  await addProvider(page, { name: 'Local', baseUrl: emulator.bases.openai, apiKey: emulator.keys.openai, model: 'gpt-4o-mini' });
  await page.getByRole('button', { name: 'New conversation' }).click();
  emulator.script('openai', [{ kind: 'reply', text: 'Some **bold** words and `code`.' }]);
  await send(page, 'Format something');
  // The renderer was asked for, its load failed, and the failure stayed inside the reply.
  await failed;
  expect(blocked).toBeGreaterThan(0);
  const reply = assistant(page).last();
  await expect(reply).toHaveAttribute('aria-busy', 'false');
  await expect(reply).toContainText('Some **bold** words and `code`.');
  await expect(reply.locator('strong')).toHaveCount(0);
  // The window is whole: the next message goes out and its reply shows too.
  emulator.script('openai', [{ kind: 'reply', text: 'Still here.' }]);
  await send(page, 'Are you there?');
  await expect(assistant(page).last()).toContainText('Still here.');
});
