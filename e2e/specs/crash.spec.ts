// Issue 6, "never lose a word": the browser-mode host is killed (SIGKILL, no chance to
// clean up) while a reply streams; after a restart on the same data folder the partial
// reply is there, marked interrupted, with everything that was on screen but the last
// fraction of a second (text is persisted every 250 ms as it arrives).
import { addProvider, assistant, expect, send, test } from '../support/fixtures';

const TOKENS_PER_SECOND = 30;
const CHUNK = 4;

/** The highest `wN` that was complete in a text (the last word may be cut mid-chunk). */
function lastWholeWord(text: string): number {
  const numbers = [...text.matchAll(/\bw(\d+)\b/g)].map((m) => Number(m[1]));
  // The very last match may be a prefix of a longer number (w6 of w61): drop it.
  return Math.max(-1, ...numbers.slice(0, -1));
}

test('a killed app keeps the partial reply that was on screen, marked interrupted', async ({ page, app, emulator }) => {
  await addProvider(page, { name: 'Local', baseUrl: emulator.bases.openai, apiKey: emulator.keys.openai, model: 'gpt-4o-mini' });
  await page.getByRole('button', { name: 'New conversation' }).click();
  const words = Array.from({ length: 2000 }, (_, i) => `w${i}`);
  emulator.script('openai', [{ kind: 'reply', text: words.join(' '), tokensPerSecond: TOKENS_PER_SECOND, chunkSize: CHUNK }]);
  await send(page, 'Count very slowly');
  const reply = assistant(page).last();
  // A couple of seconds of text on screen.
  await expect(reply).toContainText('w60 ', { timeout: 15_000 });
  const shown = lastWholeWord(await reply.innerText());
  expect(shown).toBeGreaterThanOrEqual(60);

  await app.restart('SIGKILL');

  await page.getByRole('navigation', { name: 'Conversations' }).getByText('Count very slowly').first().click();
  const again = assistant(page).last();
  await expect(again).toContainText('Interrupted');
  await expect(again).toContainText(/app closed while this reply was streaming/i);
  const restored = await again.innerText();
  // One second of stream is TOKENS_PER_SECOND chunks of CHUNK characters; "wNN " is 4 characters here.
  const wordsPerSecond = Math.ceil((TOKENS_PER_SECOND * CHUNK) / 4);
  const mustHave = words.slice(0, shown - wordsPerSecond + 1).join(' ');
  test.info().annotations.push({ type: 'words', description: `on screen before the kill: w0…w${shown}; after restart: w0…w${lastWholeWord(restored)}` });
  expect(restored).toContain(mustHave);
  expect(restored).not.toContain('w1999');
  // It stays interrupted (not streaming) and the composer works again.
  await expect(again).not.toHaveAttribute('aria-busy', 'true');
  await expect(page.getByRole('button', { name: 'Send' })).toBeVisible();
});
