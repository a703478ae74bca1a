// The message list follows a reply while the reader is at its end, and only the reader leaves
// it: their own scroll up stops the following, "Jump to latest" resumes it, and nothing the
// list does by itself (rows measured, a long reply landing whole) does either.
import type { Page } from '@playwright/test';
import { assistant, expect, send, test } from '../support/fixtures';
import { setUp } from '../support/replies';

/** Thirty sections of headings, lists, tables and code: far taller than the list's estimate for a new row. */
const SECTIONS = Array.from({ length: 30 }, (_, i) =>
  [`## Section ${i}`, `Some **bold** text and \`code\` in paragraph ${i}, long enough to wrap across the reply column.`, '- one\n- two\n- three', '| a | b |\n|---|---|\n| 1 | 2 |', '```ts\nconst x = 1;\n```'].join('\n\n'),
).join('\n\n');

/** Pixels between the bottom of the view and the end of the list. */
const distanceToEnd = (page: Page) => page.locator('.message-scroller').evaluate((s) => s.scrollHeight - s.clientHeight - s.scrollTop);
const scrollTop = (page: Page) => page.locator('.message-scroller').evaluate((s) => s.scrollTop);

test('a long reply that arrives whole keeps the view at its end', async ({ page, emulator }) => {
  await setUp(page, emulator);
  for (let i = 0; i < 6; i++) {
    // As fast as the client reads: the whole reply lands within a frame or two.
    emulator.script('openai', [{ kind: 'reply', text: `Reply ${i}.\n\n${SECTIONS}`, tokensPerSecond: 0 }]);
    await send(page, `Message ${i}`);
    const reply = assistant(page).filter({ hasText: `Reply ${i}.` });
    await expect(reply).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
    // Formatting finishes over the next frames; the view stays at the end throughout.
    await expect(reply.locator('.md-pending')).toHaveCount(0);
    await expect(reply.getByRole('heading', { name: 'Section 29' })).toBeInViewport();
    await expect(page.getByRole('button', { name: 'Jump to latest' })).toBeHidden();
    expect(await distanceToEnd(page)).toBeLessThan(50);
  }
});

test('scrolling up while a reply streams stops following it; Jump to latest follows again', async ({ page, emulator }) => {
  await setUp(page, emulator);
  emulator.script('openai', [{ kind: 'reply', text: `First.\n\n${SECTIONS}`, tokensPerSecond: 0 }]);
  await send(page, 'Something long first');
  await expect(assistant(page).first()).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });

  // About eight seconds of reply at 60 chunks a second, in short paragraphs.
  const slow = Array.from({ length: 40 }, (_, i) => `Paragraph ${i} of the slow reply, written a few words at a time.`).join('\n\n');
  emulator.script('openai', [{ kind: 'reply', text: slow, tokensPerSecond: 60 }]);
  await send(page, 'Now something slow');
  const reply = assistant(page).filter({ hasText: 'Paragraph 0 of the slow reply' });
  await expect(reply).toContainText('Paragraph 3 ');
  await expect(reply).toHaveAttribute('aria-busy', 'true');
  // Following: the newest text is on screen.
  expect(await distanceToEnd(page)).toBeLessThan(50);
  await expect(page.getByRole('button', { name: 'Jump to latest' })).toBeHidden();

  // The reader scrolls up with the wheel: the view stays where they put it while the reply goes on.
  const box = (await page.locator('.message-scroller').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, -1500);
  await expect(page.getByRole('button', { name: 'Jump to latest' })).toBeVisible();
  await expect.poll(() => distanceToEnd(page)).toBeGreaterThan(1000);
  // Wheel scrolling is animated: where the reader ends up is where it stops moving.
  let left = -1;
  await expect.poll(async () => left === (left = await scrollTop(page)), { intervals: [250] }).toBe(true);
  const before = (await reply.textContent())!.length;
  await expect.poll(async () => (await reply.textContent())!.length).toBeGreaterThan(before + 100);
  await expect(reply).toHaveAttribute('aria-busy', 'true');
  expect(Math.abs((await scrollTop(page)) - left)).toBeLessThan(5);

  // Jump to latest: back at the end, and following again as the reply grows.
  await page.getByRole('button', { name: 'Jump to latest' }).click();
  await expect(page.getByRole('button', { name: 'Jump to latest' })).toBeHidden();
  await expect.poll(() => distanceToEnd(page)).toBeLessThan(50);
  const grown = (await reply.textContent())!.length;
  await expect.poll(async () => (await reply.textContent())!.length).toBeGreaterThan(grown + 100);
  await expect.poll(() => distanceToEnd(page)).toBeLessThan(50);
  await expect(reply).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
  await expect(reply).toContainText('Paragraph 39 ');
  await expect.poll(() => distanceToEnd(page)).toBeLessThan(50);
});
