// When a part of the window throws while rendering, the failure stays where it happened:
// a message's row says so and still offers its text and actions, a dialog says so in its
// place, and an error no inner boundary catches shows a reload screen, not a blank window. Nothing in the real app
// throws on cue, so the page's own built-ins are made to (as a browser bug or an odd value
// would): `Number#toLocaleString` for one value or for all, or reading `scrollHeight` of one
// kind of element. The app code that calls them is the real, unchanged build.
import type { Page } from '@playwright/test';
import { addProvider, assistant, expect, send, test } from '../support/fixtures';

type Fault = { number: number } | { allNumbers: true } | { scrollOf: string } | null;

const FAULTS = String.raw`
  window.__fault = null;
  const format = Number.prototype.toLocaleString;
  Number.prototype.toLocaleString = function (...args) {
    const f = window.__fault;
    if (f && (f.allNumbers || Number(this) === f.number)) throw new Error('injected fault');
    return format.apply(this, args);
  };
  const height = Object.getOwnPropertyDescriptor(Element.prototype, 'scrollHeight');
  Object.defineProperty(Element.prototype, 'scrollHeight', {
    configurable: true,
    get() {
      const f = window.__fault;
      if (f && f.scrollOf && this.classList.contains(f.scrollOf)) throw new Error('injected fault');
      return height.get.call(this);
    },
  });
`;

const setFault = (page: Page, fault: Fault) => page.evaluate((f) => ((window as unknown as { __fault: Fault }).__fault = f), fault);

test.beforeEach(async ({ page, emulator }) => {
  await page.addInitScript(FAULTS);
  await page.reload();
  await addProvider(page, { name: 'Local', baseUrl: emulator.bases.openai, apiKey: emulator.keys.openai, model: 'gpt-4o-mini' });
  await page.getByRole('button', { name: 'New conversation' }).click();
});

test('a reply that fails to render says so in its row, keeps its text and actions, and the window works on', async ({ page, emulator }) => {
  // The reply's cost line formats its 7,777 output tokens, and that throws.
  emulator.script('openai', [{ kind: 'reply', text: 'A reply whose figures will not format.', reasoning: '', usage: { completion_tokens: 7777 } }]);
  await setFault(page, { number: 7777 });
  await send(page, 'Break the next reply');
  const broken = assistant(page).filter({ hasText: 'A reply whose figures will not format.' });
  await expect(broken.getByRole('alert')).toHaveText('This message could not be shown in full (injected fault). It is still saved.');
  await expect(broken).toContainText('A reply whose figures will not format.');

  // The rest of the window works: the next exchange renders in full.
  emulator.script('openai', [{ kind: 'reply', text: 'Still here.', reasoning: '' }]);
  await send(page, 'Are you there?');
  const next = assistant(page).last();
  await expect(next).toContainText('Still here.');
  await expect(next).toHaveAttribute('aria-busy', 'false');
  await expect(next.getByRole('alert')).toHaveCount(0);
  await expect(next.locator('.reply-cost')).toBeVisible();

  // The broken row's own actions still work: it can be deleted, and stays deleted.
  await broken.hover();
  await broken.getByRole('button', { name: 'Delete message' }).click();
  await broken.getByRole('button', { name: 'Confirm delete' }).click();
  await expect(page.getByText('A reply whose figures will not format.')).toHaveCount(0);
  await expect(assistant(page)).toHaveCount(1);
  await page.reload();
  await expect(page.getByText('Still here.')).toBeVisible();
  await expect(page.getByText('A reply whose figures will not format.')).toHaveCount(0);
});

test('a row that failed while its reply streamed renders again as the reply goes on', async ({ page, emulator }) => {
  // Following the thinking text reads its scrollHeight on every token; that throws for a while.
  const reasoning = Array.from({ length: 60 }, (_, i) => `step ${i} of the reasoning`).join(', ') + '.';
  emulator.script('openai', [{ kind: 'reply', reasoning, text: 'Done thinking: forty-two.', tokensPerSecond: 40, chunkSize: 8 }]);
  await setFault(page, { scrollOf: 'thinking-body' });
  await send(page, 'Think it over');
  const reply = assistant(page).last();
  await expect(reply.getByRole('alert')).toContainText('(injected fault)');
  await expect(reply).toHaveAttribute('aria-busy', 'true');

  await setFault(page, null);
  // The next token changes the message and the row is tried again, while it still streams.
  await expect(reply.getByRole('alert')).toHaveCount(0);
  await expect(reply.getByRole('button', { name: 'Thinking' })).toBeVisible();
  await expect(reply).toHaveAttribute('aria-busy', 'true');
  await expect(reply).toHaveAttribute('aria-busy', 'false', { timeout: 20_000 });
  await expect(reply).toContainText('Done thinking: forty-two.');
  await expect(reply.getByRole('alert')).toHaveCount(0);
});

test('a dialog that fails to render says so in its place, and the window works on', async ({ page }) => {
  // The model picker formats each model's context length as it opens.
  await setFault(page, { allNumbers: true });
  await page.getByRole('button', { name: /^Model: / }).click();
  const failed = page.getByRole('dialog', { name: 'This could not be opened' });
  await expect(failed.getByRole('alert')).toContainText('Parley could not show this part of its window (injected fault).');
  await setFault(page, null);
  await failed.getByRole('button', { name: 'Not now' }).click();
  await expect(failed).toBeHidden();
  // Nothing else was taken down, and the picker opens once its figures format again.
  await expect(page.getByRole('textbox', { name: 'Message' })).toBeEnabled();
  await page.getByRole('button', { name: /^Model: / }).click();
  await expect(page.getByRole('dialog', { name: 'Choose a model' }).getByRole('searchbox', { name: 'Search models' })).toBeFocused();
});

test('an error no part of the window catches shows a reload screen, and reloading brings everything back', async ({ page, emulator }) => {
  emulator.script('openai', [{ kind: 'reply', text: 'Saved before the failure.', reasoning: '' }]);
  await send(page, 'Keep this');
  await expect(assistant(page).last()).toHaveAttribute('aria-busy', 'false');

  // The composer's cost estimate formats token counts as the user types.
  await setFault(page, { allNumbers: true });
  await page.getByRole('textbox', { name: 'Message' }).fill('A draft that will not survive');
  const crashed = page.getByRole('main').filter({ has: page.getByRole('heading', { name: 'Parley ran into a problem' }) });
  await expect(crashed.getByRole('alert')).toHaveText('The window hit an error it could not recover from: injected fault');
  await expect(page.getByRole('textbox', { name: 'Message' })).toHaveCount(0);

  await crashed.getByRole('button', { name: 'Reload window' }).click();
  await expect(page.getByRole('heading', { name: 'Parley ran into a problem' })).toHaveCount(0);
  await expect(page.getByText('Saved before the failure.')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Message' })).toBeEnabled();
});
