// Issue 10 in browser mode: first run, every keyboard shortcut, theme (system + override),
// text size, and the sidebar width and open conversation surviving a restart. The Electron-only
// parts (menu, notifications, window bounds) are unit-tested in electron/main/*.test.ts.
import type { Page } from '@playwright/test';
import { KEY_PAGES } from '../../shared/provider-key-pages';
import { addProvider, assistant, expect, send, test, user, type App } from '../support/fixtures';
import type { Emulator } from '../emulator';

const nav = (page: Page) => page.getByRole('navigation', { name: 'Conversations' });
const current = (page: Page) => nav(page).locator('a[aria-current="page"]');
const composer = (page: Page) => page.getByRole('textbox', { name: 'Message' });
/** Takes focus out of every field, so the page-level shortcuts apply. */
const blur = (page: Page) => page.evaluate('document.activeElement?.blur()');

async function withProvider(page: Page, emulator: Emulator) {
  await addProvider(page, { name: 'Local', baseUrl: emulator.bases.openai, apiKey: emulator.keys.openai, model: 'gpt-4o-mini' });
}

async function conversation(page: Page, text: string) {
  await page.getByRole('button', { name: 'New conversation', exact: true }).click();
  await send(page, text);
  await expect(assistant(page).last()).toContainText(`Echo: ${text}`);
  await expect(current(page)).toContainText(text);
}

/** What a second tab sees once the page loads: proves the server stored it, not just this page. */
async function seenByAnotherTab<T>(page: Page, app: App, read: (p: Page) => Promise<T>, expected: T) {
  const other = await page.context().newPage();
  await expect.poll(async () => {
    await other.goto(app.host.url);
    await expect(nav(other)).toBeVisible();
    return read(other);
  }).toEqual(expected);
  await other.close();
}

test('first run explains what to do, offers each provider key and its page, and browses models', async ({ page }) => {
  await expect(page.getByRole('heading', { name: 'Welcome to Parley' })).toBeVisible();
  await expect(page.getByText('Paste a key for one provider below, then choose a model and start typing.')).toBeVisible();
  for (const [name, kind] of [['NEAR AI Cloud', 'near'], ['NanoGPT', 'nanogpt'], ['LLMBase', 'llmbase']] as const) {
    await expect(page.getByRole('button', { name: `Add ${name} key` })).toBeVisible();
    const link = page.getByRole('link', { name: `Get a ${name} key (opens in your browser)` });
    await expect(link).toHaveAttribute('href', KEY_PAGES[kind]!);
    await expect(link).toHaveAttribute('target', '_blank');
    await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  }

  // Each button opens Settings at that provider's key field.
  await page.getByRole('button', { name: 'Add LLMBase key' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await expect(settings.getByLabel('LLMBase key')).toBeFocused();
  await expect(settings.getByLabel('LLMBase key')).toBeInViewport();
  await page.keyboard.press('Escape');
  await expect(settings).toBeHidden();

  await page.getByRole('button', { name: 'Use another OpenAI-compatible endpoint' }).click();
  await expect(settings.getByLabel('Name', { exact: true })).toBeFocused();
  await page.keyboard.press('Escape');

  // The bundled catalog is browsable before any key exists.
  await page.getByRole('button', { name: 'Browse models' }).click();
  const picker = page.getByRole('dialog', { name: 'Choose a model' });
  await expect(picker).toBeVisible();
  await expect(picker).toContainText(/[1-9]\d* models/);
});

test('first run gives way once a provider has a key', async ({ page, emulator }) => {
  await expect(page.getByRole('heading', { name: 'Welcome to Parley' })).toBeVisible();
  await withProvider(page, emulator);
  await expect(page.getByRole('heading', { name: 'Welcome to Parley' })).toBeHidden();
  await page.getByRole('button', { name: 'Start a conversation' }).click();
  await expect(composer(page)).toBeFocused();
});

test('shortcuts: new conversation (Ctrl+Alt+N, Ctrl+N) and previous/next (Alt+↑/↓, Ctrl+Tab)', async ({ page, emulator }) => {
  await withProvider(page, emulator);
  // The browser alternative first, then Ctrl+N, which a page gets when the browser lets it through.
  await blur(page);
  await page.keyboard.press('Control+Alt+n');
  await expect(nav(page).locator('a.conversation-link')).toHaveCount(1);
  await expect(composer(page)).toBeFocused();
  await send(page, 'first topic');
  await expect(assistant(page).last()).toContainText('Echo: first topic');
  await page.keyboard.press('Control+n');
  await expect(nav(page).locator('a.conversation-link')).toHaveCount(2);
  await send(page, 'second topic');
  await expect(assistant(page).last()).toContainText('Echo: second topic');
  await expect(current(page)).toContainText('second topic');

  // In the sidebar's order (newest first), from the composer as well.
  await page.keyboard.press('Alt+ArrowDown');
  await expect(current(page)).toContainText('first topic');
  await expect(user(page).last()).toContainText('first topic');
  await page.keyboard.press('Alt+ArrowUp');
  await expect(current(page)).toContainText('second topic');
  await page.keyboard.press('Control+Tab');
  await expect(current(page)).toContainText('first topic');
  await page.keyboard.press('Control+Shift+Tab');
  await expect(current(page)).toContainText('second topic');
});

test('shortcuts: model picker (Ctrl+K), Settings (Ctrl+,) and search (Ctrl+Shift+F)', async ({ page, emulator }) => {
  await withProvider(page, emulator);
  await conversation(page, 'pick a model');
  await composer(page).focus();
  const picker = page.getByRole('dialog', { name: 'Choose a model' });
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await page.keyboard.press('Control+k');
  await expect(picker).toBeVisible();
  await page.keyboard.press('Control+k');
  await expect(picker).toBeHidden();
  await page.keyboard.press('Control+,');
  await expect(settings).toBeVisible();
  // A modifier shortcut inside a dialog replaces it.
  await page.keyboard.press('Control+k');
  await expect(settings).toBeHidden();
  await expect(picker).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(picker).toBeHidden();
  await page.keyboard.press('Control+,');
  await expect(settings).toBeVisible();
  await page.keyboard.press('Control+,');
  await expect(settings).toBeHidden();

  await page.keyboard.press('Control+Shift+F');
  await expect(page.getByRole('searchbox', { name: 'Search conversations' })).toBeFocused();
});

test('shortcuts: "/" focuses the composer, "?" and Ctrl+/ list the shortcuts, both typeable in fields', async ({ page, emulator }) => {
  await withProvider(page, emulator);
  await conversation(page, 'slash');
  await blur(page);
  await page.keyboard.press('/');
  await expect(composer(page)).toBeFocused();
  await expect(composer(page)).toHaveValue('');
  await page.keyboard.type('a/b?');
  await expect(composer(page)).toHaveValue('a/b?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeHidden();
  await composer(page).fill('');

  await blur(page);
  await page.keyboard.press('?');
  await expect(help).toBeVisible();
  // This platform's keys: Ctrl, never ⌘; the browser alternative for Ctrl+N.
  await expect(help.getByRole('row', { name: /Search conversations/ })).toContainText('CtrlShiftF');
  await expect(help.getByRole('row', { name: /New conversation/ })).toContainText('CtrlAltN');
  await expect(help.getByRole('row', { name: /Stop generating/ })).toContainText('Esc');
  await expect(help).not.toContainText('⌘');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  await page.keyboard.press('Control+/');
  await expect(help).toBeVisible();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await page.getByRole('button', { name: 'Show shortcuts' }).click();
  await expect(help).toBeVisible();
});

test('shortcuts: Esc stops a reply while it streams', async ({ page, emulator }) => {
  await withProvider(page, emulator);
  await page.getByRole('button', { name: 'New conversation', exact: true }).click();
  const long = Array.from({ length: 400 }, (_, i) => `word${i}`).join(' ');
  emulator.script('openai', [{ kind: 'reply', text: long, tokensPerSecond: 40, chunkSize: 6 }]);
  await send(page, 'Count slowly');
  const reply = assistant(page).last();
  await expect(reply).toContainText('word3');
  await page.keyboard.press('Escape');
  await expect(reply).toContainText(/stopped/i);
  await expect(page.getByRole('button', { name: 'Send' })).toBeVisible();
  expect(await reply.innerText()).not.toContain('word399');
});

test('the theme follows the system until overridden', async ({ page }) => {
  const theme = () => page.locator('html').getAttribute('data-theme');
  const background = () => page.locator('body').evaluate((el) => el.ownerDocument.defaultView!.getComputedStyle(el).backgroundColor);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(theme).toBe('dark');
  const dark = await background();
  await page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(theme).toBe('light');
  expect(await background()).not.toBe(dark);

  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const select = page.getByRole('dialog', { name: 'Settings' }).getByLabel('Theme');
  await select.selectOption('dark');
  await expect.poll(theme).toBe('dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.reload();
  await expect.poll(theme).toBe('dark');

  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await select.selectOption('system');
  await expect.poll(theme).toBe('light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(theme).toBe('dark');
});

test('text size changes the reading text and survives a restart', async ({ page, app, emulator }) => {
  await withProvider(page, emulator);
  await conversation(page, 'size me');
  const text = () => assistant(page).last().getByText('Echo: size me');
  await expect(text()).toHaveCSS('font-size', '14.5px');

  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await page.getByRole('dialog', { name: 'Settings' }).getByLabel('Text size').selectOption('large');
  await expect(text()).toHaveCSS('font-size', '16.5px');
  await expect(composer(page)).toHaveCSS('font-size', '16.5px');
  await page.keyboard.press('Escape');

  // The server's copy must be enough: no local copy, and another tab sees it once loaded.
  await page.evaluate(() => localStorage.clear());
  await seenByAnotherTab(page, app, (p) => p.locator('html').getAttribute('data-text-size'), 'large');
  await page.evaluate(() => localStorage.clear());
  await app.restart();
  await expect(text()).toHaveCSS('font-size', '16.5px');
});

test('sidebar width: drag or keys, remembered after a restart', async ({ page, app }) => {
  const handle = page.getByRole('separator', { name: 'Resize sidebar' });
  const width = () => nav(page).evaluate((el) => Math.round(el.getBoundingClientRect().width));
  await expect(handle).toHaveAttribute('aria-valuenow', '280');
  expect(await width()).toBe(280);

  const box = (await handle.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + 300);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 60, box.y + 300, { steps: 4 });
  await page.mouse.move(box.x + box.width / 2 + 100, box.y + 300, { steps: 4 });
  await page.mouse.up();
  await expect(handle).toHaveAttribute('aria-valuenow', '380');
  expect(await width()).toBe(380);

  await handle.focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(handle).toHaveAttribute('aria-valuenow', '348');
  expect(await width()).toBe(348);
  await page.keyboard.press('Home');
  await expect(handle).toHaveAttribute('aria-valuenow', '180');
  await page.keyboard.press('End');
  await expect(handle).toHaveAttribute('aria-valuenow', '600'); // Within half of the 1280 px window.
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowLeft');
  await expect(handle).toHaveAttribute('aria-valuenow', '520');
  await seenByAnotherTab(page, app, (p) => p.getByRole('separator', { name: 'Resize sidebar' }).getAttribute('aria-valuenow'), '520');

  await app.restart();
  await expect(handle).toHaveAttribute('aria-valuenow', '520');
  expect(await width()).toBe(520);
  // A narrow window keeps room for the chat: the saved width is capped, not lost.
  await page.setViewportSize({ width: 800, height: 600 });
  expect(await width()).toBe(240);
  await page.setViewportSize({ width: 1280, height: 800 });
  expect(await width()).toBe(520);
});

test('the open conversation is restored after a restart', async ({ page, app, emulator }) => {
  await withProvider(page, emulator);
  await conversation(page, 'older topic');
  await conversation(page, 'newer topic');
  await nav(page).getByRole('link', { name: 'older topic' }).click();
  await expect(current(page)).toContainText('older topic');
  await seenByAnotherTab(page, app, (p) => current(p).innerText(), 'older topic');

  await app.restart();
  await expect(current(page)).toContainText('older topic');
  await expect(user(page).last()).toContainText('older topic');
});
