// Issue 11's user journey: attach a screenshot (button, paste, drop), send it to a vision
// model, see the provider receive the exact bytes as an image_url part, find the thumbnail
// after a restart; the same image to a text-only model is stopped before sending.
import type { Page } from '@playwright/test';
import { addProvider, assistant, expect, send, test, user } from '../support/fixtures';
import { api, holdAnswers } from '../support/app-api';
import { makePng } from '../../electron/core/test-support/png';



/** Fires a paste or drop of `files` on the composer, as the browser does for a real one. */
async function deliver(page: Page, how: 'paste' | 'drop', files: { name: string; type: string; base64: string }[]) {
  await page.getByRole('textbox', { name: 'Message' }).evaluate(
    (el, { how, files }) => {
      const dt = new DataTransfer();
      for (const f of files) dt.items.add(new File([Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))], f.name, { type: f.type }));
      if (how === 'paste') el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
      else {
        el.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
        el.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
      }
    },
    { how, files },
  );
}

const VISION = 'openai/gpt-5.2';
const TEXT_ONLY = 'deepseek/deepseek-v3.2';

test('a screenshot to a vision model: the provider gets the exact image, the thumbnail survives a restart; a text-only model is stopped first', async ({ page, app, emulator }) => {
  // NanoGPT (built in) pointed at the emulator, whose catalog says which models see images.
  await api(app, 'providers.save', { id: 'nanogpt', kind: 'nanogpt', name: 'NanoGPT', baseUrl: emulator.bases.nanogpt, apiKey: emulator.keys.nanogpt });
  await api(app, 'catalog.refresh', { providerId: 'nanogpt' });
  for (const [title, modelId] of [['Text chat', TEXT_ONLY], ['Vision chat', VISION]] as const) {
    const c = await api<{ id: string }>(app, 'conversations.create', { providerId: 'nanogpt', modelId });
    await api(app, 'conversations.update', { id: c.id, title });
  }
  await page.reload();
  const nav = page.getByRole('navigation', { name: 'Conversations' });
  await nav.getByRole('link', { name: 'Vision chat' }).click();

  // Attach through the button's file picker.
  const png = makePng(24, 16, [30, 140, 220]);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Attach', exact: true }).click();
  await (await chooser).setFiles({ name: 'screenshot.png', mimeType: 'image/png', buffer: png });
  const strip = page.getByRole('form', { name: 'Compose a message' }).getByRole('list', { name: 'Attachments' });
  await expect(strip.getByRole('img', { name: 'screenshot.png' })).toBeVisible();
  await expect(strip.getByRole('status')).toHaveCount(0); // checked and stored
  await expect(page.getByText('cannot see images')).toHaveCount(0);

  emulator.script('nanogpt', [{ kind: 'reply', text: 'A blue rectangle.', reasoning: '' }]);
  await page.getByRole('textbox', { name: 'Message' }).fill('What is in this picture?');
  await page.getByRole('textbox', { name: 'Message' }).press('Enter');
  await expect(assistant(page).last()).toContainText('A blue rectangle.');
  await expect(user(page).getByRole('img', { name: 'screenshot.png' })).toBeVisible();
  await expect(strip).toHaveCount(0); // the composer is empty again

  // What the provider received: the text part, then the image as a base64 data URL of the same bytes.
  const chats = emulator.requests.filter((r) => r.path.endsWith('/chat/completions'));
  expect(chats).toHaveLength(1);
  const sent = (chats[0]!.json as { model: string; messages: { role: string; content: unknown }[] });
  expect(sent.model).toBe(VISION);
  const parts = sent.messages[0]!.content as { type: string; text?: string; image_url?: { url: string } }[];
  expect(parts[0]).toEqual({ type: 'text', text: 'What is in this picture?' });
  expect(parts[1]!.type).toBe('image_url');
  const url = parts[1]!.image_url!.url;
  expect(url.startsWith('data:image/png;base64,')).toBe(true);
  expect(Buffer.from(url.slice('data:image/png;base64,'.length), 'base64').equals(png)).toBe(true);

  // After a restart the thumbnail is still there, loaded from the data folder.
  await app.restart();
  // (The first message titled the conversation.)
  await nav.getByRole('link', { name: 'What is in this picture?' }).click();
  const thumb = user(page).getByRole('img', { name: 'screenshot.png' });
  await expect(thumb).toBeVisible();
  await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(24);
  await user(page).getByRole('button', { name: 'Open screenshot.png' }).click();
  const viewer = page.getByRole('dialog', { name: 'screenshot.png' });
  await expect(viewer.getByRole('img', { name: 'screenshot.png' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(viewer).toBeHidden();

  // The same image, pasted into a conversation with a text-only model: the composer says why…
  await nav.getByRole('link', { name: 'Text chat' }).click();
  await deliver(page, 'paste', [{ name: 'screenshot.png', type: 'image/png', base64: png.toString('base64') }]);
  const note = page.getByRole('status').filter({ hasText: 'DeepSeek V3.2 cannot see images.' });
  await expect(note).toBeVisible();
  // …and a send is refused before anything goes out, naming a model that can.
  await page.getByRole('textbox', { name: 'Message' }).fill('And this one?');
  await page.getByRole('textbox', { name: 'Message' }).press('Enter');
  await expect(page.getByText(/DeepSeek V3\.2 cannot see images\. Choose a model that can, such as .+, or remove the attachment\./)).toBeVisible();
  expect(emulator.requests.filter((r) => r.path.endsWith('/chat/completions'))).toHaveLength(1);
  await expect(user(page)).toHaveCount(0);

  // A renamed program dropped on the composer is refused by content, whatever its name says.
  const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(200, 9)]);
  await deliver(page, 'drop', [{ name: 'photo.png', type: 'image/png', base64: elf.toString('base64') }]);
  await expect(page.getByRole('alert').filter({ hasText: 'That file is not an image or a PDF (it looks like an executable)' })).toBeVisible();
  await page.getByRole('button', { name: 'Remove photo.png' }).click();
  await expect(page.getByRole('button', { name: 'Remove photo.png' })).toHaveCount(0);

  // The way out: pick a vision model.
  await note.getByRole('button', { name: 'Choose a vision model' }).click();
  await expect(page.getByRole('dialog', { name: 'Choose a model' })).toBeVisible();
});

test('a custom endpoint says nothing of images: the user turns them on for its models, and the image goes out', async ({ page, emulator }) => {
  await addProvider(page, { name: 'Local', baseUrl: emulator.bases.openai, apiKey: emulator.keys.openai, model: 'gpt-4o-mini' });
  await page.getByRole('button', { name: 'New conversation' }).click();
  const png = makePng(8, 8, [200, 40, 40]);
  await deliver(page, 'paste', [{ name: 'red.png', type: 'image/png', base64: png.toString('base64') }]);
  // Its model list is OpenAI's bare one: nothing says the model takes images, and the note says how to change that.
  const note = page.getByRole('status').filter({ hasText: 'gpt-4o-mini cannot see images.' });
  await expect(note).toContainText('Local does not say which of its models take images; if this one does, turn on “Its models can see images” for it in Settings.');
  // Sent anyway, main refuses it before anything goes out, and says the same.
  await page.getByRole('textbox', { name: 'Message' }).fill('What colour is it?');
  await page.getByRole('textbox', { name: 'Message' }).press('Enter');
  await expect(page.getByText(/^gpt-4o-mini cannot see images\. Local does not say .+ in Settings\. Choose a model that can, such as .+, or remove the attachment\.$/)).toBeVisible();
  expect(emulator.requests.filter((r) => r.path.endsWith('/chat/completions'))).toHaveLength(0);
  await note.getByRole('button', { name: 'Open Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  const card = settings.getByRole('listitem', { name: 'Local' });
  const toggle = card.getByRole('switch', { name: /Its models can see images/ });
  // Settings opens at that switch, focused.
  await expect(toggle).toBeFocused();
  await expect(toggle).toBeInViewport();
  await expect(toggle).not.toBeChecked();
  await page.keyboard.press('Space');
  await expect(toggle).toBeChecked();
  await expect(toggle).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(settings).toBeHidden();
  await expect(note).toBeHidden();

  emulator.script('openai', [{ kind: 'reply', text: 'A red square.', reasoning: '' }]);
  await page.getByRole('textbox', { name: 'Message' }).fill('What colour is it?');
  await page.getByRole('textbox', { name: 'Message' }).press('Enter');
  await expect(assistant(page).last()).toContainText('A red square.');
  const chats = emulator.requests.filter((r) => r.path.endsWith('/chat/completions'));
  const sent = chats[chats.length - 1]!.json as { model: string; messages: { role: string; content: unknown }[] };
  expect(sent.model).toBe('gpt-4o-mini');
  const parts = sent.messages[sent.messages.length - 1]!.content as { type: string; image_url?: { url: string } }[];
  expect(parts.map((p) => p.type)).toEqual(['text', 'image_url']);
  expect(parts[1]!.image_url!.url).toBe(`data:image/png;base64,${png.toString('base64')}`);

  // The choice is kept.
  await page.reload();
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(settings.getByRole('listitem', { name: 'Local' }).getByRole('switch', { name: /Its models can see images/ })).toBeChecked();
});

test('a model its endpoint does not list takes images once the user says the endpoint’s models see them', async ({ page, emulator }) => {
  // llava:13b is served but left out of the endpoint's model list: only the typed default model reaches it.
  await addProvider(page, { name: 'Local', baseUrl: emulator.bases.openai, apiKey: emulator.keys.openai, model: 'llava:13b' });
  await page.getByRole('button', { name: 'New conversation' }).click();
  const png = makePng(8, 8, [40, 40, 200]);
  await deliver(page, 'paste', [{ name: 'blue.png', type: 'image/png', base64: png.toString('base64') }]);
  const note = page.getByRole('status').filter({ hasText: 'llava:13b is not in the model list, so it cannot be sent images.' });
  await expect(note).toContainText('if this one does, turn on “Its models can see images” for it in Settings.');
  await note.getByRole('button', { name: 'Open Settings' }).click();
  const toggle = page.getByRole('dialog', { name: 'Settings' }).getByRole('listitem', { name: 'Local' }).getByRole('switch', { name: /Its models can see images/ });
  await expect(toggle).toBeFocused();
  await page.keyboard.press('Space');
  await expect(toggle).toBeChecked();
  await page.keyboard.press('Escape');
  await expect(note).toBeHidden();

  emulator.script('openai', [{ kind: 'reply', text: 'A blue square.', reasoning: '' }]);
  await send(page, 'What colour is it?');
  await expect(assistant(page).last()).toContainText('A blue square.');
  const chats = emulator.requests.filter((r) => r.path.endsWith('/chat/completions'));
  expect(chats).toHaveLength(1);
  const sent = chats[0]!.json as { model: string; messages: { role: string; content: unknown }[] };
  expect(sent.model).toBe('llava:13b');
  const parts = sent.messages[sent.messages.length - 1]!.content as { type: string; image_url?: { url: string } }[];
  expect(parts).toEqual([
    { type: 'text', text: 'What colour is it?' },
    { type: 'image_url', image_url: { url: `data:image/png;base64,${png.toString('base64')}` } },
  ]);
});

test('Send waits while an image is still being checked, then the message goes with it', async ({ page, app, emulator }) => {
  await api(app, 'providers.save', { id: 'nanogpt', kind: 'nanogpt', name: 'NanoGPT', baseUrl: emulator.bases.nanogpt, apiKey: emulator.keys.nanogpt });
  await api(app, 'catalog.refresh', { providerId: 'nanogpt' });
  await api(app, 'conversations.create', { providerId: 'nanogpt', modelId: VISION });
  // Main's answer to the image check is held back until released (a large file on a slow disk).
  let release = () => {};
  const released = new Promise<void>((r) => (release = r));
  await holdAnswers(page, 'attachments.add', () => released);
  await page.reload();
  const box = page.getByRole('textbox', { name: 'Message' });
  await expect(box).toBeEnabled();
  const png = makePng(6, 6, [10, 180, 60]);
  await deliver(page, 'paste', [{ name: 'green.png', type: 'image/png', base64: png.toString('base64') }]);
  const strip = page.getByRole('form', { name: 'Compose a message' }).getByRole('list', { name: 'Attachments' });
  await expect(strip.getByRole('status', { name: 'Checking green.png' })).toBeVisible();
  await box.fill('And this one?');
  await box.press('Enter');
  // Nothing went: the text is still there, no message was added, Send is held and says why.
  await expect(page.getByText('Checking the attachment…')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Send' })).toBeDisabled();
  await expect(box).toHaveValue('And this one?');
  await expect(user(page)).toHaveCount(0);

  release();
  await expect(strip.getByRole('status')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Send' })).toBeEnabled();
  emulator.script('nanogpt', [{ kind: 'reply', text: 'A green square.', reasoning: '' }]);
  await box.press('Enter');
  await expect(assistant(page).last()).toContainText('A green square.');
  await expect(user(page).getByRole('img', { name: 'green.png' })).toBeVisible();
  const chats = emulator.requests.filter((r) => r.path.endsWith('/chat/completions'));
  expect(chats).toHaveLength(1);
  const sent = chats[0]!.json as { messages: { content: unknown }[] };
  const parts = sent.messages[sent.messages.length - 1]!.content as { type: string; image_url?: { url: string } }[];
  expect(parts.map((p) => p.type)).toEqual(['text', 'image_url']);
  expect(parts[1]!.image_url!.url).toBe(`data:image/png;base64,${png.toString('base64')}`);
});
