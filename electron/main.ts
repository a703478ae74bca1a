// Electron entry point: lifecycle and wiring only. Decisions live in electron/main/*-policy.ts
// (unit-tested without Electron) and all behaviour behind the core router.
// Not testable here (no Electron binary): the single-instance lock and second-instance focus,
// the app menu reaching the OS, and the lifecycle (activate, window-all-closed, will-quit).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { app, dialog, Menu, session, type BrowserWindow } from 'electron';
import { createCore, type Core } from './core/app';
import { safeExternalUrl } from './main/external-policy';
import { bindIpc, sendAppCommand } from './main/ipc';
import { buildAppMenu } from './main/menu';
import { watchReplies } from './main/notifications';
import { handleAppProtocol, registerAppScheme } from './main/protocol';
import { hardenSession, installGlobalGuards, openExternalSafely } from './main/security';
import { createMainWindow } from './main/window';
import { explainStartupError } from './web/startup-error';

const log = (msg: string) => console.log(`[parley] ${msg}`);

// Before anything reads userData: the single-instance lock and Chromium's storage live there.
if (process.env.PARLEY_DATA_DIR) app.setPath('userData', path.resolve(process.env.PARLEY_DATA_DIR));
const keychainService = process.env.PARLEY_KEYCHAIN_SERVICE || 'Parley';

registerAppScheme();
installGlobalGuards();
// Windows shows notifications (and groups taskbar buttons) only for an app with this id; same as electron-builder.yml appId.
if (process.platform === 'win32') app.setAppUserModelId('app.parley.desktop');

let core: Core | null = null;
let mainWindow: BrowserWindow | null = null;

function openWindow(): void {
  const win = createMainWindow({ preloadPath: path.join(__dirname, 'preload.cjs'), userDataDir: app.getPath('userData'), log });
  mainWindow = win;
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  win.webContents.on('render-process-gone', (_event, details) => log(`renderer gone: ${details.reason}`));
}

function focusOrOpenWindow(): void {
  if (!core) return; // Still starting; the window opens when the core is ready.
  if (!mainWindow) return openWindow();
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

/** package.json "homepage", if it is a web link: the Help menu's target. */
function readHomepage(): string | null {
  try {
    const pkg = JSON.parse(readFileSync(path.join(app.getAppPath(), 'package.json'), 'utf8')) as { homepage?: unknown };
    return safeExternalUrl(pkg.homepage);
  } catch {
    return null;
  }
}

async function start(): Promise<void> {
  hardenSession(session.defaultSession);
  // dist/main/main.cjs → dist/renderer
  handleAppProtocol(path.join(__dirname, '..', 'renderer'));
  core = await createCore({
    dataDir: app.getPath('userData'),
    keychainService,
    mode: 'electron',
    appVersion: app.getVersion(),
    log: (msg) => log(`core: ${msg}`),
  });
  bindIpc(core, () => mainWindow, log);
  Menu.setApplicationMenu(
    buildAppMenu({
      appName: app.getName(),
      isMac: process.platform === 'darwin',
      isDev: !app.isPackaged,
      helpUrl: readHomepage(),
      openExternal: (url) => openExternalSafely(url, log),
      onCommand: (command) => {
        // A menu click with no window (macOS) opens one; its renderer starts fresh anyway.
        if (!mainWindow) return openWindow();
        sendAppCommand(mainWindow, { command });
      },
    }),
  );
  watchReplies(core, () => mainWindow, log);
  openWindow();
}

if (!app.requestSingleInstanceLock()) {
  app.quit(); // Another Parley owns this data folder; it gets a 'second-instance' event and shows itself.
} else {
  app.on('second-instance', focusOrOpenWindow);
  app.on('activate', focusOrOpenWindow); // macOS: dock click with no window open.
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  // Close the core (finish writes, close the database) before the process exits.
  app.on('will-quit', (event) => {
    const closing = core;
    if (!closing) return;
    core = null;
    event.preventDefault();
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, 5000).unref());
    Promise.race([closing.close(), timeout])
      .catch((err: unknown) => log(`shutdown: ${String(err)}`))
      .finally(() => app.quit());
  });
  app
    .whenReady()
    .then(start)
    .catch((err: unknown) => {
      log(`startup failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      dialog.showErrorBox('Parley could not start', explainStartupError(err, app.getPath('userData')));
      app.exit(1);
    });
}
