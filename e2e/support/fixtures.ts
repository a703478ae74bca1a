// Every spec gets its own emulator, its own app process on a fresh data folder, and its
// own keychain service name (removed afterwards), so specs run in parallel and never
// touch a user's real keys.
import { test as base, expect, _electron, type ElectronApplication, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { startEmulator, type Emulator } from '../emulator';
import { startHost, type Host } from './host';

const keytar = createRequire(import.meta.url)('keytar') as {
  findCredentials(service: string): Promise<{ account: string; password: string }[]>;
  deletePassword(service: string, account: string): Promise<boolean>;
};

/**
 * PARLEY_E2E_ELECTRON=1 runs the same specs in the desktop app through Playwright's Electron
 * launcher (it needs the Electron binary, so it cannot run on the offline CI machine). Restarting
 * the app and calling its socket are browser-mode concepts; specs that use them say so there.
 */
const ELECTRON = process.env.PARLEY_E2E_ELECTRON === '1';
const ROOT = path.resolve(import.meta.dirname, '../..');

/** What one test runs on: a data folder, a keychain service, and in Electron mode the desktop app. */
interface Session {
  dataDir: string;
  keychainService: string;
  electron: ElectronApplication | null;
}

function browserOnly(what: string): never {
  throw new Error(`${what} is a browser-mode concept; run this spec without PARLEY_E2E_ELECTRON`);
}

export interface App {
  host: Host;
  dataDir: string;
  keychainService: string;
  /** Kill (or stop) the app process and start it again on the same data folder, then reload the page. */
  restart(signal?: NodeJS.Signals): Promise<void>;
  storedKeys(): Promise<{ account: string; password: string }[]>;
}

export const test = base.extend<{ emulator: Emulator; app: App; hostEnv: Record<string, string>; session: Session }>({
  /** Extra environment for the app process, e.g. `test.use({ hostEnv: { PARLEY_IDLE_TIMEOUT_MS: '3000' } })`. */
  hostEnv: [{}, { option: true }],
  emulator: async ({}, use) => {
    const emu = await startEmulator();
    await use(emu);
    await emu.close();
  },
  session: async ({ hostEnv }, use) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-e2e-'));
    const keychainService = `parley-e2e-${randomUUID()}`;
    const electron = ELECTRON
      ? await _electron.launch({
          args: [ROOT],
          env: { ...(process.env as Record<string, string>), ...hostEnv, PARLEY_DATA_DIR: dataDir, PARLEY_KEYCHAIN_SERVICE: keychainService },
        })
      : null;
    await use({ dataDir, keychainService, electron });
    await electron?.close();
    for (const c of await keytar.findCredentials(keychainService)) await keytar.deletePassword(keychainService, c.account);
    fs.rmSync(dataDir, { recursive: true, force: true });
  },
  // In Electron mode the page is the desktop app's window, not a browser tab.
  page: async ({ page, session }, use) => {
    await use(session.electron ? await session.electron.firstWindow() : page);
  },
  // Automatic: every test gets a running app and a page on it, even if it never names `app`.
  app: [async ({ page, hostEnv, session }, use) => {
    const { dataDir, keychainService } = session;
    if (session.electron) {
      await use({
        get host(): Host {
          return browserOnly('app.host');
        },
        dataDir,
        keychainService,
        restart: async () => browserOnly('app.restart()'),
        storedKeys: () => keytar.findCredentials(keychainService),
      });
      return;
    }
    const app: App = {
      host: await startHost({ dataDir, keychainService, env: hostEnv }),
      dataDir,
      keychainService,
      async restart(signal = 'SIGTERM') {
        await app.host.stop(signal);
        app.host = await startHost({ dataDir, keychainService, env: hostEnv });
        await page.goto(app.host.url);
      },
      storedKeys: () => keytar.findCredentials(keychainService),
    };
    await page.goto(app.host.url);
    await use(app);
    await app.host.stop();
  }, { auto: true }],
});

export { expect };

/** Adds an OpenAI-compatible provider through Settings, as a user does. */
export async function addProvider(page: Page, p: { name: string; baseUrl: string; apiKey?: string; model: string }) {
  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await dialog.getByRole('button', { name: 'Add provider' }).click();
  await dialog.getByLabel('Name', { exact: true }).fill(p.name);
  await dialog.getByLabel('Base URL').fill(p.baseUrl);
  if (p.apiKey) await dialog.getByLabel('API key').fill(p.apiKey);
  await dialog.getByLabel('Model', { exact: true }).fill(p.model);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText(p.name, { exact: true }).first()).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
}

/**
 * Types into the composer and presses Enter, as a user would once any dialog has gone:
 * a modal <dialog> makes the page behind it inert, so typing while one is still closing
 * would land in the dialog instead.
 */
export async function send(page: Page, text: string) {
  await expect(page.locator('dialog[open]')).toHaveCount(0);
  const box = page.getByRole('textbox', { name: 'Message' });
  await box.fill(text);
  await expect(box).toHaveValue(text);
  await box.press('Enter');
}

export const assistant = (page: Page) => page.getByRole('article', { name: 'Assistant' });
export const user = (page: Page) => page.getByRole('article', { name: 'You' });
