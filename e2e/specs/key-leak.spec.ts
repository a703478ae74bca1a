// Keys never leak: a whole session with keys for every provider (built-in and custom),
// chats, errors whose bodies echo the key back, export and import; then every place a key
// could end up is searched for each key's text: the data folder (database, WAL, backups),
// the app's logs, the errors shown, the page's DOM and storage, every export, and a
// JavaScript heap snapshot of the renderer. Zero hits.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { EmuProvider, Emulator, Step } from '../emulator';
import { addProvider, assistant, expect, send, test } from '../support/fixtures';
import { api } from '../support/app-api';

const MODELS: Record<EmuProvider, string> = { openai: 'gpt-4o-mini', near: 'deepseek-ai/DeepSeek-V3.1', nanogpt: 'deepseek/deepseek-v3.2', llmbase: 'deepseek/deepseek-v3.2' };
const BUILT_IN: Record<'near' | 'nanogpt' | 'llmbase', string> = { near: 'NEAR AI Cloud', nanogpt: 'NanoGPT', llmbase: 'LLMBase' };


/** Every file under `dir`, recursively (database, -wal, -shm, backups, window state, …). */
function allFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? allFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/** Where each key was found: `place` → keys. Empty is the pass. */
class LeakSearch {
  hits: string[] = [];
  constructor(private keys: string[]) {}
  check(place: string, text: string | Buffer) {
    for (const k of this.keys) {
      const found = typeof text === 'string' ? text.includes(k) : text.includes(Buffer.from(k)) || text.includes(Buffer.from(k, 'utf16le'));
      if (found) this.hits.push(`${place}: ${k.slice(0, 6)}…`);
    }
  }
  files(dir: string, label: string) {
    const files = allFiles(dir);
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) this.check(`${label} ${path.relative(dir, f)}`, fs.readFileSync(f));
    return files;
  }
}

async function chooseModel(page: Page, providerName: string, model: string) {
  await page.getByRole('button', { name: /Model:/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Choose a model' });
  await dialog.getByLabel('Provider').selectOption({ label: providerName });
  await dialog.getByLabel('Model id').fill(model);
  await dialog.getByRole('button', { name: 'Use model' }).click();
  await expect(dialog).toBeHidden();
}

async function exchange(page: Page, emulator: Emulator, mount: EmuProvider, steps: Step[], text: string) {
  emulator.script(mount, steps);
  const before = await assistant(page).count();
  await send(page, text);
  const reply = assistant(page).nth(before);
  await expect(reply).toHaveAttribute('aria-busy', 'false', { timeout: 20_000 });
  return reply;
}

/** Errors whose text quotes the key back, the ways providers have been seen to do it. */
function echoingFaults(key: string): Step[][] {
  return [
    [{ kind: 'http-error', status: 401, body: { error: { message: `Incorrect API key provided: ${key}. You can find your API key at https://example.com`, type: 'invalid_request_error', code: 'invalid_api_key', param: key } } }],
    [{ kind: 'http-error', status: 400, body: `Bad request for key ${key}` }],
    [{ kind: 'midstream-error', afterChars: 10, text: 'Partial answer before the failure.', reasoning: '', message: `upstream rejected credentials ${key}` }],
    [{ kind: 'redirect', status: 302, location: `http://127.0.0.1:9/login?api_key=${key}&next=${encodeURIComponent(key)}` }],
  ];
}

test('no key leaks anywhere in a whole session', async ({ page, app, emulator }) => {
  test.setTimeout(240_000);
  const mounts: EmuProvider[] = ['openai', 'near', 'nanogpt', 'llmbase'];
  const keys = mounts.map((m) => emulator.keys[m]);
  const leaks = new LeakSearch(keys);
  const shownErrors: string[] = [];

  // Built-in providers pointed at the emulator (base URLs are not editable in the UI)…
  for (const id of ['near', 'nanogpt', 'llmbase'] as const) {
    await api(app, 'providers.save', { id, name: BUILT_IN[id], baseUrl: emulator.bases[id] });
  }
  await page.reload();
  // …and their keys set through Settings, as a user does.
  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  for (const id of ['near', 'nanogpt', 'llmbase'] as const) {
    const card = settings.getByRole('listitem', { name: BUILT_IN[id] });
    await card.getByLabel(`${BUILT_IN[id]} key`).fill(emulator.keys[id]);
    await card.getByRole('button', { name: 'Set key' }).click();
    await expect(card.getByText('Key saved in the system keychain')).toBeVisible();
  }
  await page.keyboard.press('Escape');
  // A custom OpenAI-compatible provider on every mount, with that mount's key.
  for (const m of mounts) await addProvider(page, { name: `Custom ${m}`, baseUrl: emulator.bases[m], apiKey: emulator.keys[m], model: MODELS[m] });
  expect((await app.storedKeys()).map((c) => c.password).sort()).toEqual([...keys, ...keys.slice(1)].sort());

  const providers: { name: string; mount: EmuProvider }[] = [
    ...mounts.map((m) => ({ name: `Custom ${m}`, mount: m })),
    ...(['near', 'nanogpt', 'llmbase'] as const).map((m) => ({ name: BUILT_IN[m], mount: m })),
  ];
  for (const p of providers) {
    await page.getByRole('button', { name: 'New conversation' }).click();
    await chooseModel(page, p.name, MODELS[p.mount]);
    const ok = await exchange(page, emulator, p.mount, [{ kind: 'reply', text: `Hello from ${p.name}.`, reasoning: 'Thinking about it.' }], `Hi ${p.name}`);
    await expect(ok).toContainText(`Hello from ${p.name}.`);
    for (const steps of echoingFaults(emulator.keys[p.mount])) {
      const reply = await exchange(page, emulator, p.mount, steps, `Fault ${steps[0]!.kind} on ${p.name}`);
      const alert = reply.getByRole('alert');
      await expect(alert).toBeVisible();
      shownErrors.push(await alert.innerText());
    }
  }
  // Keys went only to their own provider, in the Authorization header.
  const chats = emulator.requests.filter((r) => r.path.endsWith('/chat/completions'));
  expect(chats.length).toBeGreaterThanOrEqual(providers.length * 5);
  for (const r of chats) {
    expect(r.headers.authorization).toBe(`Bearer ${emulator.keys[r.provider!]}`);
    leaks.check(`request body to ${r.provider}`, r.body);
  }

  // Export everything (and each conversation both ways), then import it back.
  const exports: { filename: string; content: string }[] = [];
  exports.push(await api(app, 'history.exportAll', { includeThinking: true }));
  const conversations = await api<{ id: string }[]>(app, 'conversations.list', {});
  expect(conversations.length).toBe(providers.length);
  for (const c of conversations) {
    for (const format of ['markdown', 'json']) exports.push(await api(app, 'history.exportConversation', { id: c.id, format, includeThinking: true }));
  }
  for (const e of exports) leaks.check(`export ${e.filename}`, e.content);
  for (const c of conversations) await api(app, 'conversations.delete', { id: c.id });
  const imported = await api<{ conversations: number }>(app, 'history.import', { content: exports[0]!.content });
  expect(imported.conversations).toBe(providers.length);
  await page.reload();

  // Everything the user saw.
  for (const e of shownErrors) leaks.check('error shown', e);
  expect(shownErrors.length).toBe(providers.length * 4);
  leaks.check('DOM', await page.content());
  leaks.check('storage', await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage })));

  // The data folder while running (WAL not yet checkpointed), and after a hard kill.
  const running = leaks.files(app.dataDir, 'data (running)');
  expect(running.some((f) => f.endsWith('-wal'))).toBe(true);
  leaks.check('logs', app.host.logs.join(''));
  await app.restart('SIGKILL');
  leaks.files(app.dataDir, 'data (after kill)');
  leaks.check('logs after restart', app.host.logs.join(''));

  // The renderer's JavaScript heap, after a session in which keys were typed into it.
  const cdp = await page.context().newCDPSession(page);
  const chunks: string[] = [];
  cdp.on('HeapProfiler.addHeapSnapshotChunk', (e) => chunks.push(e.chunk));
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  const heap = chunks.join('');
  expect(heap.length).toBeGreaterThan(100_000);
  leaks.check('renderer heap', heap);

  expect(leaks.hits).toEqual([]);
});

test('keys typed in Settings do not stay in the renderer heap (no reload)', async ({ page, app, emulator }) => {
  const key = emulator.keys.openai;
  await addProvider(page, { name: 'Typed', baseUrl: emulator.bases.openai, apiKey: key, model: MODELS.openai });
  await page.getByRole('button', { name: 'New conversation' }).click();
  emulator.script('openai', [{ kind: 'http-error', status: 401, body: { error: { message: `bad key ${key}` } } }]);
  await send(page, 'hello');
  await expect(assistant(page).last().getByRole('alert')).toBeVisible();
  expect(await page.content()).not.toContain(key);
  const cdp = await page.context().newCDPSession(page);
  const chunks: string[] = [];
  cdp.on('HeapProfiler.addHeapSnapshotChunk', (e) => chunks.push(e.chunk));
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  expect(chunks.join('').includes(key)).toBe(false);
  expect(app.host.logs.join('')).not.toContain(key);
});
