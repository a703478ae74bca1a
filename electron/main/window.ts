// The one application window, and persistence of its size/position in window-state.json.
// Validation and clamping to the current displays are window-state-policy.ts (unit-tested).
// Not testable here (no Electron binary): the BrowserWindow itself, the resize/move/close
// events that save the state, and maximising before the first show.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BrowserWindow, nativeTheme, screen } from 'electron';
import { APP_ENTRY_URL } from './origin-policy';
import { MIN_HEIGHT, MIN_WIDTH, parseWindowState, restoreBounds, type WindowState } from './window-state-policy';

export interface MainWindowOptions {
  preloadPath: string;
  userDataDir: string;
  log: (msg: string) => void;
}

function readState(file: string): WindowState | null {
  try {
    return parseWindowState(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return null; // Missing or corrupt: start with defaults.
  }
}

function writeState(file: string, win: BrowserWindow, log: (msg: string) => void): void {
  if (win.isDestroyed() || win.isMinimized() || win.isFullScreen()) return;
  const state: WindowState = { ...win.getNormalBounds(), maximized: win.isMaximized() };
  try {
    writeFileSync(`${file}.tmp`, JSON.stringify(state));
    renameSync(`${file}.tmp`, file); // Atomic: a crash mid-write never leaves half a file.
  } catch (err) {
    log(`window: could not save window state: ${String(err)}`);
  }
}

export function createMainWindow({ preloadPath, userDataDir, log }: MainWindowOptions): BrowserWindow {
  const stateFile = path.join(userDataDir, 'window-state.json');
  const initial = restoreBounds(
    readState(stateFile),
    [screen.getPrimaryDisplay(), ...screen.getAllDisplays()].map((d) => d.workArea),
  );

  const win = new BrowserWindow({
    ...initial.bounds,
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    show: false,
    title: 'Parley',
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#1e1f22' : '#ffffff',
    webPreferences: {
      // The preload is reviewed code that exposes only the contract's allowlisted calls (see electron/preload.ts).
      preload: preloadPath, // eng-disable PRELOAD_JS_CHECK
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: true,
      // Middle-click would otherwise try to open links in a new window (denied anyway by setWindowOpenHandler).
      disableBlinkFeatures: 'Auxclick',
    },
  });

  win.once('ready-to-show', () => {
    if (initial.maximized) win.maximize();
    win.show();
  });

  let timer: NodeJS.Timeout | undefined;
  const saveSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(() => writeState(stateFile, win, log), 500);
  };
  win.on('resize', saveSoon);
  win.on('move', saveSoon);
  win.on('maximize', saveSoon);
  win.on('unmaximize', saveSoon);
  win.on('close', () => {
    clearTimeout(timer);
    writeState(stateFile, win, log);
  });

  win.loadURL(APP_ENTRY_URL).catch((err: unknown) => log(`window: failed to load ${APP_ENTRY_URL}: ${String(err)}`));
  return win;
}
